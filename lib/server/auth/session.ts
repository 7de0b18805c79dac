import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { readDb } from "../db";
import { isPersonaRole, type PersonaRole, type SessionUser } from "./session-user";
import { loadSessionSecret, signSession, verifySession } from "./session-token";

export const SESSION_COOKIE = "session";
const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

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

/** The signed-in person, or null. Read once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const payload = verifySession(token, sessionSecret());
  if (!payload) return null;
  const user = await readDb.user.findUnique({
    where: { id: payload.userId },
    select: { id: true, worldId: true, role: true, name: true, shopId: true, shop: { select: { name: true } } },
  });
  if (!user || !isPersonaRole(user.role)) return null;
  return { id: user.id, worldId: user.worldId, role: user.role, name: user.name, shopId: user.shopId, shopName: user.shop?.name ?? null };
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
