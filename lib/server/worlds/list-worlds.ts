import "server-only";
import { worldExpiresAt, type WorldRole, type WorldTemplate } from "@/lib/worlds";
import type { Db } from "../prisma";
import { loadWorldView, type WorldView } from "./world-access";

export interface VisitorWorld {
  id: string;
  name: string;
  role: WorldRole;
  expiresAt: Date;
}

/** The private worlds this visitor belongs to, newest first. */
export async function worldsOfVisitor(db: Db, visitorId: string | null): Promise<VisitorWorld[]> {
  if (!visitorId) return [];
  const rows = await db.worldMember.findMany({
    where: { visitorId, world: { kind: "PRIVATE" } },
    orderBy: { joinedAt: "desc" },
    take: 50,
    select: { role: true, world: { select: { id: true, name: true, lastActiveAt: true } } },
  });
  return rows.map((row) => ({ id: row.world.id, name: row.world.name, role: row.role as WorldRole, expiresAt: worldExpiresAt(row.world.lastActiveAt) }));
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
export async function worldDetail(db: Db, worldId: string, visitorId: string | null): Promise<WorldDetail | null> {
  const view = await loadWorldView(db, worldId, visitorId);
  if (!view || view.kind !== "PRIVATE") return null;
  const [world, members, orders, personas] = await Promise.all([
    db.world.findUniqueOrThrow({ where: { id: worldId }, select: { joinToken: true } }),
    db.worldMember.findMany({ where: { worldId }, orderBy: { joinedAt: "asc" }, take: 100, select: { id: true, name: true, role: true, joinedAt: true, visitorId: true } }),
    db.order.count({ where: { worldId } }),
    db.user.count({ where: { worldId } }),
  ]);
  const owner = members.find((member) => member.role === "OWNER");
  return {
    ...view,
    ownerName: owner?.name ?? "",
    joinToken: view.clock.allowed ? world.joinToken : null,
    members: members.map((member) => ({ id: member.id, name: member.name, role: member.role as WorldRole, joinedAt: member.joinedAt, you: member.visitorId === visitorId })),
    counts: { orders, personas },
  };
}
