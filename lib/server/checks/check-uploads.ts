import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { systemClock } from "@/lib/clock";
import { STAGED_SUFFIX, uploadsDir } from "../evidence/uploads";
import type { Db } from "../prisma";

export interface UploadProblems {
  /** Files no evidence row refers to (a reset racing a command, another database sharing the directory): listed, harmless. */
  orphans: string[];
  /** Evidence rows whose bytes are not on disk (a process killed after a commit, before the file was placed): broken. */
  missing: { evidenceId: string; sha256: string }[];
  /**
   * Staged files older than a minute: an upload whose process was killed between staging and placing
   * its photo (issue 26). Broken until removed; the server removes them when it starts.
   */
  stranded: string[];
}

/** How old a staged file must be before db:check calls it stranded (an upload in flight is younger). */
const STRANDED_AFTER_MS = 60_000;

/** Compares the uploads directory with the Evidence table (db:check runs it on the app's database). */
export async function checkUploadFiles(db: Db, dir: string = uploadsDir(), now: Date = systemClock.now()): Promise<UploadProblems> {
  const rows = await db.evidence.findMany({ select: { id: true, sha256: true } });
  const referenced = new Set(rows.map((row) => row.sha256));
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const files = names.filter((name) => /^[0-9a-f]{64}$/.test(name));
  const stranded = names
    .filter((name) => name.endsWith(STAGED_SUFFIX))
    .map((name) => join(dir, name))
    .filter((path) => now.getTime() - statSync(path).mtimeMs > STRANDED_AFTER_MS);
  const present = new Set(files);
  return {
    orphans: files.filter((name) => !referenced.has(name)).map((name) => join(dir, name)),
    missing: rows.filter((row) => !present.has(row.sha256)).map((row) => ({ evidenceId: row.id, sha256: row.sha256 })),
    stranded,
  };
}
