import "server-only";
import { readDb } from "../db";
import { isPersonaRole, type PersonaRole } from "./session-user";

export interface Persona {
  id: string;
  worldId: string;
  role: PersonaRole;
  name: string;
  blurb: string;
  shopId: string | null;
  shopName: string | null;
}

const SELECT = { id: true, worldId: true, role: true, name: true, blurb: true, shopId: true, shop: { select: { name: true } } } as const;

/** The personas of one world, in the seed's order. */
export async function listPersonas(worldId: string): Promise<Persona[]> {
  const users = await readDb.user.findMany({ where: { worldId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: SELECT });
  return users.flatMap((user) => (isPersonaRole(user.role) ? [{ ...user, role: user.role, shopName: user.shop?.name ?? null }] : []));
}

export async function findPersona(id: string): Promise<Persona | null> {
  const user = await readDb.user.findUnique({ where: { id }, select: SELECT });
  return user && isPersonaRole(user.role) ? { ...user, role: user.role, shopName: user.shop?.name ?? null } : null;
}
