import "server-only";
import { readDb } from "../db";
import { isPersonaRole, type PersonaRole } from "./session-user";

export interface Persona {
  id: string;
  role: PersonaRole;
  name: string;
  blurb: string;
  shopName: string | null;
}

export async function listPersonas(): Promise<Persona[]> {
  const users = await readDb.user.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, role: true, name: true, blurb: true, shop: { select: { name: true } } },
  });
  return users.flatMap((user) => (isPersonaRole(user.role) ? [{ ...user, role: user.role, shopName: user.shop?.name ?? null }] : []));
}

export async function findPersona(id: string): Promise<Persona | null> {
  const user = await readDb.user.findUnique({ where: { id }, select: { id: true, role: true, name: true, blurb: true, shop: { select: { name: true } } } });
  return user && isPersonaRole(user.role) ? { ...user, role: user.role, shopName: user.shop?.name ?? null } : null;
}
