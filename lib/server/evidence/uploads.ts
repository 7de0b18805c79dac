/**
 * Evidence photos: PNG, JPEG or WebP recognised by their bytes (not their name), at most 5 MB each
 * and 6 per submission, stored once by content hash under data/uploads/. A submission with one bad
 * file is refused whole and stores nothing.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, renameSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { MAX_PHOTOS, MAX_PHOTO_BYTES, PHOTO_TYPES, describeBytes, photoLimitProblem } from "@/lib/order";
import { insertRow, type SqlTx } from "../sqlite/sql-tx";
import type { EvidenceLink } from "../orders/run-order-command";

// The limits are the rule engine's (lib/order/limits.ts); the forms describe the same numbers.
export const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES;
export const MAX_UPLOADS = MAX_PHOTOS;
export type UploadType = (typeof PHOTO_TYPES)[number];

export interface CheckedUpload {
  name: string;
  contentType: UploadType;
  bytes: Buffer;
  sha256: string;
}

/** What the file's first bytes say it is, whatever its name or claimed type. */
export function sniffImageType(bytes: Uint8Array): UploadType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** Reads and checks every file first; the first problem refuses them all. Empty file inputs are ignored. */
export async function checkUploads(files: File[]): Promise<{ ok: true; uploads: CheckedUpload[] } | { ok: false; message: string }> {
  const real = files.filter((file) => file.size > 0 || file.name !== "");
  const limits = photoLimitProblem(real);
  if (limits) return { ok: false, message: limits };
  const uploads: CheckedUpload[] = [];
  for (const file of real) {
    const name = file.name || "photo";
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, message: `${name} is larger than ${describeBytes(MAX_UPLOAD_BYTES)}. Choose a smaller photo.` };
    const contentType = sniffImageType(bytes);
    if (!contentType) return { ok: false, message: `${name} is not a PNG, JPEG or WebP image.` };
    uploads.push({ name, contentType, bytes, sha256: createHash("sha256").update(bytes).digest("hex") });
  }
  return { ok: true, uploads };
}

export function uploadsDir(): string {
  return process.env.UPLOADS_DIR ?? resolve(process.cwd(), "data/uploads");
}

export function uploadPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("Not a content hash");
  return resolve(/*turbopackIgnore: true*/ uploadsDir(), sha256);
}

export interface StagedEvidence {
  /** Inside the command's transaction, once the rules accepted it: moves the files into place and records them. */
  attach: (sql: SqlTx, link: EvidenceLink) => void;
  /** After the command, accepted or not: removes what was not moved into place. */
  discard: () => Promise<void>;
}

/**
 * Writes the files aside before the command's transaction (the slow part, which must not hold the
 * writer). The command moves each into place by its content hash (a rename, so a reader never sees
 * half a file) and records it as evidence of the order, its case or dispute; a refused command
 * stores nothing once `discard` has run.
 */
export async function stageEvidence(uploads: CheckedUpload[]): Promise<StagedEvidence> {
  if (uploads.length > 0) await mkdir(/*turbopackIgnore: true*/ uploadsDir(), { recursive: true });
  const staged = await Promise.all(
    uploads.map(async (upload) => {
      const temporary = `${uploadPath(upload.sha256)}.${randomUUID()}.tmp`;
      await writeFile(/*turbopackIgnore: true*/ temporary, upload.bytes);
      return { upload, temporary };
    }),
  );
  return {
    attach(sql, link) {
      for (const { upload, temporary } of staged) {
        // The same content is the same file: one already in place is left as it is.
        if (!existsSync(/*turbopackIgnore: true*/ uploadPath(upload.sha256))) renameSync(/*turbopackIgnore: true*/ temporary, uploadPath(upload.sha256));
        insertRow(sql, "Evidence", {
          id: randomUUID(),
          orderId: link.orderId,
          caseId: link.caseId,
          disputeId: link.disputeId,
          ownerId: link.actor.id ?? "system",
          ownerRole: link.actor.role,
          contentType: upload.contentType,
          sizeBytes: upload.bytes.length,
          sha256: upload.sha256,
          createdAt: link.now,
        });
      }
    },
    async discard() {
      await Promise.all(staged.map(({ temporary }) => rm(/*turbopackIgnore: true*/ temporary, { force: true })));
    },
  };
}
