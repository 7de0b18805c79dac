import "server-only";
import { readFile } from "node:fs/promises";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { uploadPath } from "./uploads";

/** A photo's bytes, for the parties of its order and platform support only; null for anyone else. */
export async function getEvidence(user: SessionUser, id: string): Promise<{ contentType: string; bytes: Buffer } | null> {
  const evidence = await readDb.evidence.findFirst({ where: { id, order: orderScope(user) }, select: { sha256: true, contentType: true } });
  if (!evidence) return null;
  try {
    return { contentType: evidence.contentType, bytes: await readFile(uploadPath(evidence.sha256)) };
  } catch {
    return null;
  }
}
