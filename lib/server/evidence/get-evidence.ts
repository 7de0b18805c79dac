import "server-only";
import { readFile } from "node:fs/promises";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";
import { uploadPath } from "./uploads";

/** A photo's bytes, for the parties of its order and platform support only; null for anyone else. */
export async function getEvidence(user: SessionUser, id: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  const scope = orderScope(user);
  const evidence = readSql((sql) =>
    sql.get<{ sha256: string; contentType: string }>(
      `SELECT e."sha256", e."contentType" FROM "Evidence" e JOIN "Order" o ON o."id" = e."orderId"
        WHERE e."id" = ? AND o."worldId" = ? AND (? IS NULL OR o."buyerId" = ?) AND (? IS NULL OR o."shopId" = ?)`,
      id,
      scope.worldId,
      scope.buyerId ?? null,
      scope.buyerId ?? null,
      scope.shopId ?? null,
      scope.shopId ?? null,
    ),
  );
  if (!evidence) return null;
  try {
    return { contentType: evidence.contentType, bytes: await readFile(uploadPath(evidence.sha256)) };
  } catch {
    return null;
  }
}
