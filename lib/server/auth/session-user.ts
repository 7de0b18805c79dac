import type { Actor } from "@/lib/order";

export const PERSONA_ROLES = ["BUYER", "SELLER", "SUPPORT"] as const;
export type PersonaRole = (typeof PERSONA_ROLES)[number];

/** The signed-in person, as every page and service sees them. */
export interface SessionUser {
  id: string;
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

/** The orders a person may see: a buyer their own, a seller their shop's, support all of them. */
export function orderScope(user: SessionUser): { buyerId?: string; shopId?: string } {
  switch (user.role) {
    case "BUYER":
      return { buyerId: user.id };
    case "SELLER":
      // A seller without a shop sees nothing rather than everything.
      return { shopId: user.shopId ?? "\u0000no-shop" };
    case "SUPPORT":
      return {};
  }
}
