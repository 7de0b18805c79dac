import "server-only";
import type { Db } from "../prisma";
import { dateOf, type SqlTx } from "../sqlite/sql-tx";
import { newSessionId, sessionIdHash as hashOf } from "./session-token";

/**
 * Sessions (issue 15, finding 2): a row per sign-in, ended by signing out, by 12 hours without use,
 * or 7 days after it began, whichever comes first. The cookie holds a random id (signed, so a
 * malformed cookie costs no query); the table holds its hash. Real time throughout: a world's clock
 * jumping ahead ends nobody's session.
 */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3_600_000;
/** lastSeenAt is written at most this often per session, so a page view stays a read. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** A new session for this persona; returns the id that goes (signed) into the cookie. */
export async function createSession(db: Db, userId: string, now: Date, visitorId: string | null = null): Promise<string> {
  const id = newSessionId();
  await db.session.create({ data: { id: hashOf(id), userId, visitorId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) } });
  return id;
}

/** Whose session this is, if it is still open now; null when unknown, signed out, idle too long or past its end. */
export async function resolveSession(db: Db, id: string, now: Date): Promise<{ userId: string; lastSeenAt: Date } | null> {
  const row = await db.session.findUnique({ where: { id: hashOf(id) }, select: { userId: true, lastSeenAt: true, expiresAt: true, revokedAt: true } });
  if (!row || !isOpen(row, now)) return null;
  return { userId: row.userId, lastSeenAt: row.lastSeenAt };
}

/** A session is open until it is signed out, idle too long, or past its end. */
function isOpen(session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
  return !session.revokedAt && now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}

/** The session's person as a page reads it (session.ts): the session, its user and shop, and whether this browser is a member of the user's world, in one statement of primary-key and unique-index seeks. */
export const SESSION_USER_SQL = `SELECT s."userId", s."lastSeenAt", s."expiresAt", s."revokedAt", u."worldId", u."role", u."name", u."shopId", sh."name" AS "shopName",
  (SELECT 1 FROM "WorldMember" m WHERE m."worldId" = u."worldId" AND m."visitorId" = ?) AS "member"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "Shop" sh ON sh."id" = u."shopId" WHERE s."id" = ?`;

export interface SessionUserRow {
  userId: string;
  lastSeenAt: Date;
  worldId: string;
  role: string;
  name: string;
  shopId: string | null;
  shopName: string | null;
  /** This browser is a member of the user's world. */
  member: boolean;
}

/** resolveSession with the person behind it, on a page's read connection; null when the session is not open now (same rules). */
export function readSessionUser(sql: SqlTx, id: string, visitorId: string | null, now: Date): SessionUserRow | null {
  const row = sql.get<{ userId: string; lastSeenAt: string; expiresAt: string; revokedAt: string | null; worldId: string; role: string; name: string; shopId: string | null; shopName: string | null; member: number | null }>(
    SESSION_USER_SQL,
    visitorId,
    hashOf(id),
  );
  if (!row) return null;
  const lastSeenAt = dateOf(row.lastSeenAt)!;
  if (!isOpen({ revokedAt: dateOf(row.revokedAt), expiresAt: dateOf(row.expiresAt)!, lastSeenAt }, now)) return null;
  return { userId: row.userId, lastSeenAt, worldId: row.worldId, role: row.role, name: row.name, shopId: row.shopId, shopName: row.shopName, member: row.member === 1 };
}

/** Records use of an open session (at most every 5 minutes): its idle end moves on. */
export async function touchSession(db: Db, id: string, lastSeenAt: Date, now: Date): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await db.session.updateMany({ where: { id: hashOf(id), revokedAt: null }, data: { lastSeenAt: now } });
}

/** Ends a session: its cookie, replayed later, signs nobody in. */
export async function revokeSession(db: Db, id: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id: hashOf(id), revokedAt: null }, data: { revokedAt: now } });
}

/** Forgets sessions that ended more than a day ago (hourly, with the other clean-ups). */
export async function removeEndedSessions(db: Db, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const idleBefore = new Date(dayAgo.getTime() - SESSION_IDLE_MS);
  const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { revokedAt: { lt: dayAgo } }, { lastSeenAt: { lt: idleBefore } }] } });
  return count;
}
