import type { Actor } from "@/lib/order";

export const PERSONA_ROLES = ["BUYER", "SELLER", "SUPPORT"] as const;
export type PersonaRole = (typeof PERSONA_ROLES)[number];

/** The world everyone shares; private worlds are created from the home page (docs/decisions/014). */
export const DEMO_WORLD = "demo";

/** The signed-in person, as every page and service sees them. */
export interface SessionUser {
  id: string;
  /** The world the person is in (their persona's); the demo world when left out. */
  worldId?: string;
  /** The browser they act from (a signed cookie); what a private world's membership is granted to. */
  visitorId?: string | null;
  role: PersonaRole;
  name: string;
  shopId: string | null;
  shopName: string | null;
}

export function isPersonaRole(value: string): value is PersonaRole {
  return (PERSONA_ROLES as readonly string[]).includes(value);
}

export function toActor(user: SessionUser): Actor {
  return { role: user.role, id: user.id };
}

/**
 * The orders a person may see, always within their world: a buyer their own, a seller their shop's,
 * support all of the world's. Every list, lookup and command takes its scope from here.
 */
export function orderScope(user: SessionUser): { worldId: string; buyerId?: string; shopId?: string } {
  const worldId = user.worldId ?? DEMO_WORLD;
  switch (user.role) {
    case "BUYER":
      return { worldId, buyerId: user.id };
    case "SELLER":
      // A seller without a shop sees nothing rather than everything.
      return { worldId, shopId: user.shopId ?? "\u0000no-shop" };
    case "SUPPORT":
      return { worldId };
  }
}
