import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { uploadsDir } from "../evidence/uploads";
import type { Db } from "../prisma";

export interface UploadProblems {
  /** Files no evidence row refers to (a reset racing a command, another database sharing the directory): listed, harmless. */
  orphans: string[];
  /** Evidence rows whose bytes are not on disk (a process killed after a commit, before the file was placed): broken. */
  missing: { evidenceId: string; sha256: string }[];
}

/** Compares the uploads directory with the Evidence table (db:check runs it on the app's database). */
export async function checkUploadFiles(db: Db, dir: string = uploadsDir()): Promise<UploadProblems> {
  const rows = await db.evidence.findMany({ select: { id: true, sha256: true } });
  const referenced = new Set(rows.map((row) => row.sha256));
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /^[0-9a-f]{64}$/.test(name)) : [];
  const present = new Set(files);
  return {
    orphans: files.filter((name) => !referenced.has(name)).map((name) => join(dir, name)),
    missing: rows.filter((row) => !present.has(row.sha256)).map((row) => ({ evidenceId: row.id, sha256: row.sha256 })),
  };
}
