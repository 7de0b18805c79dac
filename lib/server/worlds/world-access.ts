import { m } from "@/lib/i18n/message";
import "server-only";
import { AppError } from "@/lib/errors";
import { clockControl, worldExpiresAt, type ClockControl, type WorldKind, type WorldRole, type WorldTemplate } from "@/lib/worlds";
import { DEMO_WORLD } from "../auth/session-user";
import type { Db } from "../prisma";
import { dateOf, type SqlTx } from "../sqlite/sql-tx";

/** A world as its people see it: what it is, their part in it, and whether they may move its clock. */
export interface WorldView {
  id: string;
  name: string;
  kind: WorldKind;
  template: WorldTemplate;
  /** This visitor's part in it (null in the demo world, which nobody joins). */
  role: WorldRole | null;
  lastActiveAt: Date;
  /** Its clock: app time = real time + this (lib/server/timers/sim-clock.ts). */
  aheadMs: number;
  /** When it is deleted if nobody uses it (private worlds). */
  expiresAt: Date | null;
  clock: ClockControl;
}

/** loadWorldView's read on a page's read connection (lib/server/sqlite/read-sql.ts): one primary-key seek and one unique-index seek. */
export const WORLD_VIEW_SQL = `SELECT w."id", w."name", w."kind", w."template", w."lastActiveAt", w."aheadMs",
  (SELECT m."role" FROM "WorldMember" m WHERE m."worldId" = w."id" AND m."visitorId" = ?) AS "role"
  FROM "World" w WHERE w."id" = ?`;

export function readWorldView(sql: SqlTx, worldId: string, visitorId: string | null): WorldView | null {
  const row = sql.get<{ id: string; name: string; kind: string; template: string; lastActiveAt: string; aheadMs: number; role: string | null }>(WORLD_VIEW_SQL, visitorId, worldId);
  return row ? worldView({ ...row, lastActiveAt: dateOf(row.lastActiveAt)!, aheadMs: Number(row.aheadMs), role: row.role }) : null;
}

function worldView(world: { id: string; name: string; kind: string; template: string; lastActiveAt: Date; aheadMs: number; role: string | null }): WorldView | null {
  const kind: WorldKind = world.kind === "PRIVATE" ? "PRIVATE" : "DEMO";
  const role = (world.role ?? null) as WorldRole | null;
  if (kind === "PRIVATE" && !role) return null;
  return {
    id: world.id,
    name: world.name,
    kind,
    template: world.template === "PEOPLE_ONLY" ? "PEOPLE_ONLY" : "DEMO_COPY",
    role,
    lastActiveAt: world.lastActiveAt,
    aheadMs: world.aheadMs,
    expiresAt: kind === "PRIVATE" ? worldExpiresAt(world.lastActiveAt) : null,
    clock: clockControl({ kind }, role),
  };
}

/** The world and this visitor's part in it; null when it does not exist or is private and they are not a member. */
export async function loadWorldView(db: Db, worldId: string, visitorId: string | null): Promise<WorldView | null> {
  const world = await db.world.findUnique({
    where: { id: worldId },
    select: { id: true, name: true, kind: true, template: true, lastActiveAt: true, aheadMs: true, members: visitorId ? { where: { visitorId }, select: { role: true } } : false },
  });
  if (!world) return null;
  return worldView({ ...world, aheadMs: Number(world.aheadMs), role: world.members?.[0]?.role ?? null });
}

/** For services: the world, if this visitor may move its clock or reset it; otherwise a FORBIDDEN (or NOT_FOUND) error. */
export async function requireClockControl(db: Db, worldId: string | undefined, visitorId: string | null | undefined): Promise<WorldView> {
  const world = await loadWorldView(db, worldId ?? DEMO_WORLD, visitorId ?? null);
  if (!world) throw new AppError("NOT_FOUND", m("errors.noWorldOrNotMember"));
  if (!world.clock.allowed) throw new AppError("FORBIDDEN", world.clock.reason);
  return world;
}

const touched = new Map<string, number>();
const TOUCH_EVERY_MS = 10 * 60_000;

/** Records that a private world is in use (at most every 10 minutes per world per server): its idle expiry starts again. */
export async function touchWorld(db: Db, world: Pick<WorldView, "id" | "kind" | "lastActiveAt">, realNow: Date): Promise<void> {
  if (world.kind !== "PRIVATE") return;
  const last = Math.max(world.lastActiveAt.getTime(), touched.get(world.id) ?? 0);
  if (realNow.getTime() - last < TOUCH_EVERY_MS) return;
  touched.set(world.id, realNow.getTime());
  await db.world.updateMany({ where: { id: world.id }, data: { lastActiveAt: realNow } });
}
