import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readDb } from "../db";
import { randomUUID } from "node:crypto";
import { DEMO_WORLD, isPersonaRole, type PersonaRole, type SessionUser } from "./session-user";
import { loadSessionSecret, signSession, signValue, verifySession, verifyValue } from "./session-token";

export const SESSION_COOKIE = "session";
const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

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

export async function startSession(userId: string, issuedAt: number): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, signSession({ userId, issuedAt }, sessionSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.SESSION_COOKIE_SECURE === "true",
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
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
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const payload = verifySession(token, sessionSecret());
  if (!payload) return null;
  const user = await readDb.user.findUnique({
    where: { id: payload.userId },
    select: { id: true, worldId: true, role: true, name: true, shopId: true, shop: { select: { name: true } } },
  });
  if (!user || !isPersonaRole(user.role)) return null;
  const visitorId = await currentVisitorId();
  if (user.worldId !== DEMO_WORLD) {
    const member = visitorId ? await readDb.worldMember.findUnique({ where: { worldId_visitorId: { worldId: user.worldId, visitorId } }, select: { id: true } }) : null;
    if (!member) return null;
  }
  return { id: user.id, worldId: user.worldId, visitorId, role: user.role, name: user.name, shopId: user.shopId, shopName: user.shop?.name ?? null };
});

export const HOME_BY_ROLE: Record<PersonaRole, string> = {
  BUYER: "/buyer/orders",
  SELLER: "/seller/orders",
  SUPPORT: "/support/orders",
};

/** For pages: the signed-in person in one of `roles`; otherwise back to the persona page or their own home. */
export async function requireUser(...roles: PersonaRole[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/?signin=required");
  if (roles.length > 0 && !roles.includes(user.role)) redirect(HOME_BY_ROLE[user.role]);
  return user;
}
