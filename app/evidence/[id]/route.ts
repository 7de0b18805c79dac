import { currentUser } from "@/lib/server/auth/session";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { UPLOAD_HEADERS } from "@/lib/security-headers";

/** A photo of an order's case or dispute: only for the buyer, the shop's sellers and platform support. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  const photo = user ? await getEvidence(user, (await params).id) : null;
  // Someone else's photo looks exactly like one that does not exist.
  if (!photo) return new Response("Not found", { status: 404, headers: { ...UPLOAD_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
  const extension = photo.contentType.split("/")[1] ?? "bin";
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      ...UPLOAD_HEADERS,
      "Content-Type": photo.contentType,
      "Content-Disposition": `inline; filename="evidence-${(await params).id.replace(/[^A-Za-z0-9_-]/g, "")}.${extension}"`,
      "Cache-Control": "private, max-age=3600",
    },
  });
}
