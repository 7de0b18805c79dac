import { NextResponse, type NextRequest } from "next/server";

// An optimistic check only: pages and actions verify the signed session themselves.
export function proxy(request: NextRequest) {
  if (!request.cookies.has("session")) {
    const url = request.nextUrl.clone();
    url.pathname = "/";
    url.search = "?signin=required";
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/buyer/:path*", "/seller/:path*", "/support/:path*", "/orders/:path*", "/notifications/:path*", "/evidence/:path*"],
};
