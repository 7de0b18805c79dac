import { currentUser } from "@/lib/server/auth/session";
import { getEvidence } from "@/lib/server/evidence/get-evidence";

/** A photo of an order's case or dispute: only for the buyer, the shop's sellers and platform support. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  const photo = user ? await getEvidence(user, (await params).id) : null;
  // Someone else's photo looks exactly like one that does not exist.
  if (!photo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(photo.bytes), {
    headers: { "Content-Type": photo.contentType, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
}
