import "server-only";
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

const PERSONA = `SELECT u."id", u."worldId", u."role", u."name", u."blurb", u."shopId", s."name" AS "shopName" FROM "User" u LEFT JOIN "Shop" s ON s."id" = u."shopId"`;

/** The personas of one world, in the seed's order. */
export function readPersonas(sql: SqlTx, worldId: string): Persona[] {
  const users = sql.all<Omit<Persona, "role"> & { role: string }>(`${PERSONA} WHERE u."worldId" = ? ORDER BY u."sortOrder" ASC, u."name" ASC`, worldId);
  return users.flatMap((user) => (isPersonaRole(user.role) ? [{ ...user, role: user.role }] : []));
}

export async function listPersonas(worldId: string): Promise<Persona[]> {
  return readSql((sql) => readPersonas(sql, worldId));
}

/** One persona by id, in any world (the sign-in checks the world next). */
export function readPersona(sql: SqlTx, id: string): Persona | null {
  const user = sql.get<Omit<Persona, "role"> & { role: string }>(`${PERSONA} WHERE u."id" = ?`, id);
  return user && isPersonaRole(user.role) ? { ...user, role: user.role } : null;
}
