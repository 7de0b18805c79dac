import "server-only";
import { worldExpiresAt, type WorldRole, type WorldTemplate } from "@/lib/worlds";
import { readSql } from "../sqlite/read-sql";
import { dateOf } from "../sqlite/sql-tx";
import { readWorldView, type WorldView } from "./world-access";

export interface VisitorWorld {
  id: string;
  name: string;
  role: WorldRole;
  expiresAt: Date;
}

/** The private worlds this visitor belongs to, newest first. */
export async function worldsOfVisitor(visitorId: string | null): Promise<VisitorWorld[]> {
  if (!visitorId) return [];
  const rows = readSql((sql) =>
    sql.all<{ id: string; name: string; lastActiveAt: string; role: string }>(
      `SELECT w."id", w."name", w."lastActiveAt", m."role" FROM "WorldMember" m JOIN "World" w ON w."id" = m."worldId"
        WHERE m."visitorId" = ? AND w."kind" = 'PRIVATE' ORDER BY m."joinedAt" DESC LIMIT 50`,
      visitorId,
    ),
  );
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role as WorldRole, expiresAt: worldExpiresAt(dateOf(row.lastActiveAt)!) }));
}

export interface WorldDetail extends WorldView {
  template: WorldTemplate;
  ownerName: string;
  /** The share link's token: for the owner and facilitators only. */
  joinToken: string | null;
  members: { id: string; name: string; role: WorldRole; joinedAt: Date; you: boolean }[];
  counts: { orders: number; personas: number };
}

/** A private world's page: its people and their parts, its share link and its size; null for anyone not in it. */
export async function worldDetail(worldId: string, visitorId: string | null): Promise<WorldDetail | null> {
  // One snapshot on the page reads' connection.
  const read = readSql((sql) => {
    const view = readWorldView(sql, worldId, visitorId);
    if (!view || view.kind !== "PRIVATE") return null;
    const world = sql.get<{ joinToken: string | null; orders: number; personas: number }>(
      `SELECT w."joinToken", (SELECT count(*) FROM "Order" o WHERE o."worldId" = w."id") AS "orders", (SELECT count(*) FROM "User" u WHERE u."worldId" = w."id") AS "personas" FROM "World" w WHERE w."id" = ?`,
      worldId,
    )!;
    const members = sql
      .all<{ id: string; name: string; role: string; joinedAt: string; visitorId: string }>(`SELECT "id", "name", "role", "joinedAt", "visitorId" FROM "WorldMember" WHERE "worldId" = ? ORDER BY "joinedAt" ASC LIMIT 100`, worldId)
      .map((member) => ({ ...member, joinedAt: dateOf(member.joinedAt)! }));
    return { view, world, members, orders: world.orders, personas: world.personas };
  });
  if (!read) return null;
  const { view, world, members, orders, personas } = read;
  const owner = members.find((member) => member.role === "OWNER");
  return {
    ...view,
    ownerName: owner?.name ?? "",
    joinToken: view.clock.allowed ? world.joinToken : null,
    members: members.map((member) => ({ id: member.id, name: member.name, role: member.role as WorldRole, joinedAt: member.joinedAt, you: member.visitorId === visitorId })),
    counts: { orders, personas },
  };
}
