import "server-only";
import { readDb } from "../db";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";
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
export function readPersonas(sql: SqlTx, worldId: string): Persona[] {
  const users = sql.all<Omit<Persona, "role"> & { role: string }>(
    `SELECT u."id", u."worldId", u."role", u."name", u."blurb", u."shopId", s."name" AS "shopName" FROM "User" u LEFT JOIN "Shop" s ON s."id" = u."shopId"
      WHERE u."worldId" = ? ORDER BY u."sortOrder" ASC, u."name" ASC`,
    worldId,
  );
  return users.flatMap((user) => (isPersonaRole(user.role) ? [{ ...user, role: user.role }] : []));
}

export async function listPersonas(worldId: string): Promise<Persona[]> {
  return readSql((sql) => readPersonas(sql, worldId));
}

export async function findPersona(id: string): Promise<Persona | null> {
  const user = await readDb.user.findUnique({ where: { id }, select: SELECT });
  return user && isPersonaRole(user.role) ? { ...user, role: user.role, shopName: user.shop?.name ?? null } : null;
}
