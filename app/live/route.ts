import { currentUser } from "@/lib/server/auth/session";
import { liveStamp } from "@/lib/server/live/live-stamp";

/**
 * What the signed-in person's pages show has changed when this answer changes: polled by
 * components/live-updates.tsx. Nothing is cached: every poll asks the database.
 */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ stamp: null }, { status: 401, headers: { "Cache-Control": "no-store" } });
  return Response.json({ stamp: await liveStamp(user) }, { headers: { "Cache-Control": "no-store" } });
}
