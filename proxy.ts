import { NextResponse, type NextRequest } from "next/server";
import { actionBodyProblem } from "@/lib/action-body";
import { PLATFORM_API_PATH } from "@/lib/api/paths";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { i18nFor } from "@/lib/i18n/translator";
import { limitRequest } from "@/lib/server/http/request-limits";
import { SECURITY_HEADERS, contentSecurityPolicy } from "@/lib/security-headers";

/** Pages and routes that need a signed-in person: an optimistic check only, pages and actions verify the session themselves. */
const SIGNED_IN = /^\/(buyer|seller|support|orders|notifications|evidence|shop|checkout|wallet|cart)(\/|$)/;

/** The largest body a form may send (next.config.ts serverActions.bodySizeLimit): 6 photos of 5 MB and the fields. */
const MAX_BODY_BYTES = 40 * 1024 * 1024;

function refuse(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Requests that would otherwise reach Next only to fail with a 500 (issue 15, finding 3) get a 4xx
 * with a sentence instead: a path that is not valid URL encoding, a form from another site, a
 * malformed server-action id, a body over the limit, a malformed action body; and a 429 with
 * Retry-After past an address's limit (lib/rate-limit.ts).
 */
async function malformed(request: NextRequest): Promise<NextResponse | null> {
  try {
    for (const segment of request.nextUrl.pathname.split("/")) decodeURIComponent(segment);
  } catch {
    return refuse(400, "That address is not valid: check the link.");
  }
  if (request.method === "GET" || request.method === "HEAD") return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== host) return refuse(403, "Forms from other sites are refused.");
  }
  const action = request.headers.get("next-action");
  if (action !== null && !/^[0-9a-f]{40,64}$/.test(action)) return refuse(400, "This page is out of date. Reload it and try again.");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) return refuse(413, "That is too much to send at once: at most 6 photos of 5 MB each.");
  // A server action's body is read here before Next's decoder sees it: a malformed one (a multipart
  // body that does not parse, arguments that are not React's encoding) would fail there with a 500.
  const type = request.headers.get("content-type") ?? "";
  let fieldNames: string[] = [];
  if (type.startsWith("multipart/form-data")) {
    let form: FormData | null = null;
    try {
      form = await request.clone().formData();
    } catch {
      form = null;
    }
    const problem = actionBodyProblem({ kind: "multipart", form, isAction: action !== null });
    if (problem) return refuse(400, problem);
    fieldNames = [...form!.keys()];
  } else if (action !== null) {
    const problem = actionBodyProblem({ kind: "text", text: await request.clone().text(), isAction: true });
    if (problem) return refuse(400, problem);
  } else if (type.startsWith("application/x-www-form-urlencoded")) {
    fieldNames = [...new URLSearchParams(await request.clone().text()).keys()];
  }
  // Per client address (issue 26): sign-ins, new worlds, joins, messages and every other form.
  const taken = await limitRequest(request.headers, fieldNames);
  if (!taken.ok) {
    // Exactly text/plain: a form sent from script then shows this sentence (app/error.tsx).
    const saved = request.cookies.get(LOCALE_COOKIE)?.value;
    const sentence = i18nFor(isLocale(saved) ? saved : negotiateLocale(request.headers.get("accept-language"))).render(taken.message);
    const response = new NextResponse(sentence, { status: 429, headers: { "Content-Type": "text/plain", "Retry-After": String(taken.retryAfterSeconds) } });
    return response;
  }
  return null;
}

/**
 * Every request: a fresh nonce for the Content-Security-Policy (Next reads it from the request's
 * header and puts it on its scripts), the security headers on the response, and the redirect to
 * the persona page for signed-in pages without a session cookie.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  // The platform's API: its own checks and errors (the platform's envelope), none of the forms'.
  const api = PLATFORM_API_PATH.test(request.nextUrl.pathname);
  let response = api ? null : await malformed(request);
  if (api) {
    response = NextResponse.next();
  } else if (response) {
    // Refused before Next saw it; the security headers below still apply.
  } else if (SIGNED_IN.test(request.nextUrl.pathname) && !request.cookies.has("session")) {
    const url = request.nextUrl.clone();
    url.pathname = "/";
    url.search = "?signin=required";
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  // An uploaded photo keeps its own, stricter policy (app/evidence/[id]/route.ts).
  if (!request.nextUrl.pathname.startsWith("/evidence/")) response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's hashed static files and the icon.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
