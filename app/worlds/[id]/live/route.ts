import { currentVisitorId } from "@/lib/server/auth/session";
import { roomStamp } from "@/lib/server/scenarios/room-stamp";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { readWorldView } from "@/lib/server/worlds/world-access";

/**
 * The training room's stamp (issue 30): it changes when any order of the world changes, a run starts,
 * a member signs in as a persona or joins. The world page's room polls it and refreshes when it moves.
 * Only the world's owner and facilitators get one; anyone else gets the same answer as for no world.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const visitorId = await currentVisitorId();
  const world = readSql((sql) => readWorldView(sql, id, visitorId));
  if (!world || world.kind !== "PRIVATE" || !world.clock.allowed) return Response.json({ stamp: null }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return Response.json({ stamp: await roomStamp(world.id) }, { headers: { "Cache-Control": "no-store" } });
}
