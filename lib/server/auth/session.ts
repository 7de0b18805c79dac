import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { randomUUID } from "node:crypto";
import { systemClock } from "@/lib/clock";
import { db } from "../db";
import { readSql } from "../sqlite/read-sql";
import { SESSION_ABSOLUTE_MS, createSession, readSessionUser, revokeSession, touchSession } from "./sessions";
import { DEMO_WORLD, isPersonaRole, type PersonaRole, type SessionUser } from "./session-user";
import { loadSessionSecret, signValue, verifyValue } from "./session-token";

export const SESSION_COOKIE = "session";

/** The browser's own id (signed): what a private world's membership is granted to. */
export const VISITOR_COOKIE = "visitor";
/** The world a visitor is looking at before signing in (a private one only while they are its member). */
export const WORLD_COOKIE = "world";
const YEAR_SECONDS = 60 * 60 * 24 * 365;

let secret: string | undefined;
function sessionSecret(): string {
  secret ??= loadSessionSecret();
  return secret;
}

/**
 * Signs this browser in as the persona: a new session (a new id, so a cookie someone saw before
 * sign-in is worth nothing), and the one it had before, if any, ended.
 */
export async function startSession(userId: string, visitorId: string | null = null): Promise<void> {
  const jar = await cookies();
  const now = systemClock.now();
  const previous = verifyValue(jar.get(SESSION_COOKIE)?.value, sessionSecret());
  if (previous) await revokeSession(db, previous, now);
  const id = await createSession(db, userId, now, visitorId);
  jar.set(SESSION_COOKIE, signValue(id, sessionSecret()), cookieOptions(SESSION_ABSOLUTE_MS / 1000));
}

/** Signs out: the session ends on the server too, so the cookie, replayed, signs nobody in. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const id = verifyValue(jar.get(SESSION_COOKIE)?.value, sessionSecret());
  if (id) await revokeSession(db, id, systemClock.now());
  jar.delete(SESSION_COOKIE);
}

const cookieOptions = (maxAge: number) => ({ httpOnly: true, sameSite: "lax" as const, secure: process.env.SESSION_COOKIE_SECURE === "true", path: "/", maxAge });

/** This browser's visitor id, or null when it has none yet. Read once per request. */
export const currentVisitorId = cache(async (): Promise<string | null> => verifyValue((await cookies()).get(VISITOR_COOKIE)?.value, sessionSecret()));

/** For actions: this browser's visitor id, given one (and its cookie) if it has none. */
export async function ensureVisitorId(): Promise<string> {
  const existing = await currentVisitorId();
  if (existing) return existing;
  const id = randomUUID().replace(/-/g, "");
  (await cookies()).set(VISITOR_COOKIE, signValue(id, sessionSecret()), cookieOptions(YEAR_SECONDS));
  return id;
}

/** The world this visitor chose to look at (the persona page lists its people). */
export async function chosenWorldId(): Promise<string> {
  return (await cookies()).get(WORLD_COOKIE)?.value ?? DEMO_WORLD;
}

export async function chooseWorld(worldId: string): Promise<void> {
  const jar = await cookies();
  if (worldId === DEMO_WORLD) jar.delete(WORLD_COOKIE);
  else jar.set(WORLD_COOKIE, worldId, cookieOptions(YEAR_SECONDS));
}

/**
 * The signed-in person, or null. Read once per request. A persona of a private world is only theirs
 * while this browser is a member of that world (a session cookie copied elsewhere, or kept after the
 * owner's world is deleted, signs nobody in).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const id = verifyValue((await cookies()).get(SESSION_COOKIE)?.value, sessionSecret());
  if (!id) return null;
  const now = systemClock.now();
  const visitorId = await currentVisitorId();
  const user = readSql((sql) => readSessionUser(sql, id, visitorId, now));
  if (!user) return null;
  await touchSession(db, id, user.lastSeenAt, now);
  if (!isPersonaRole(user.role)) return null;
  if (user.worldId !== DEMO_WORLD && !user.member) return null;
  return { id: user.userId, worldId: user.worldId, visitorId, role: user.role, name: user.name, shopId: user.shopId, shopName: user.shopName };
});

export const HOME_BY_ROLE: Record<PersonaRole, string> = {
  BUYER: "/buyer/orders",
  SELLER: "/seller",
  SUPPORT: "/support",
};

/** For pages: the signed-in person in one of `roles`; otherwise back to the persona page or their own home. */
export async function requireUser(...roles: PersonaRole[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/?signin=required");
  if (roles.length > 0 && !roles.includes(user.role)) redirect(HOME_BY_ROLE[user.role]);
  return user;
}
