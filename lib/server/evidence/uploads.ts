/**
 * Evidence photos: PNG, JPEG or WebP recognised by their bytes (not their name), at most 5 MB each
 * and 6 per submission, decoded in full and encoded again (so what is stored is an image and
 * nothing else: no trailing script, no metadata such as a photo's GPS position), stored once by
 * content hash under data/uploads/. A submission with one bad file is refused whole and stores nothing.
 */
import { m, type Message } from "@/lib/i18n/message";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { MAX_PHOTOS, MAX_PHOTO_BYTES, PHOTO_TYPES, describeBytes, photoLimitProblem } from "@/lib/order";
import { insertRow, type SqlTx } from "../sqlite/sql-tx";
import type { EvidenceLink } from "../orders/run-order-command";

// The limits are the rule engine's (lib/order/limits.ts); the forms describe the same numbers.
export const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES;
export const MAX_UPLOADS = MAX_PHOTOS;
export type UploadType = (typeof PHOTO_TYPES)[number];

/** A photo staged before its command commits is `<sha256>.<uuid>.tmp` until it is placed or removed. */
export const STAGED_SUFFIX = ".tmp";

/**
 * Staged files a killed process left behind (killed between staging a photo and placing or removing
 * it): removed when the server starts, before any upload of its own is staged (issue 26).
 */
export function removeStrandedUploads(dir: string = uploadsDir()): string[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  const stranded = readdirSync(/*turbopackIgnore: true*/ dir).filter((name) => name.endsWith(STAGED_SUFFIX));
  for (const name of stranded) rmSync(/*turbopackIgnore: true*/ join(dir, name), { force: true });
  return stranded;
}

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

/** The largest image accepted, in pixels (a small file can claim an enormous size: a decompression bomb). */
const MAX_PIXELS = 40_000_000;

/**
 * Decodes the whole image (a file that only starts like an image fails here) and encodes it again in
 * its own format, upright and without metadata. Null when it is not an image that decodes.
 */
async function reencode(bytes: Buffer, type: UploadType): Promise<Buffer | null> {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS }).rotate();
    const encoded = type === "image/png" ? image.png() : type === "image/jpeg" ? image.jpeg({ quality: 90 }) : image.webp({ quality: 90 });
    return await encoded.toBuffer();
  } catch {
    return null;
  }
}

/** Reads and checks every file first; the first problem refuses them all. Empty file inputs are ignored. */
export async function checkUploads(files: File[]): Promise<{ ok: true; uploads: CheckedUpload[] } | { ok: false; message: Message }> {
  const real = files.filter((file) => file.size > 0 || file.name !== "");
  const limits = photoLimitProblem(real);
  if (limits) return { ok: false, message: limits };
  const uploads: CheckedUpload[] = [];
  for (const file of real) {
    const name = file.name || "photo";
    const received = Buffer.from(await file.arrayBuffer());
    if (received.length > MAX_UPLOAD_BYTES) return { ok: false, message: m("client.photos.tooLarge", { name, size: describeBytes(MAX_UPLOAD_BYTES) }) };
    const contentType = sniffImageType(received);
    if (!contentType) return { ok: false, message: m("errors.photos.notImage", { name }) };
    const bytes = await reencode(received, contentType);
    if (!bytes) return { ok: false, message: m("errors.photos.damaged", { name, type: contentType.slice("image/".length).toUpperCase() }) };
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
  /** Inside the command's transaction, once the rules accepted it: records the photos (rows only). */
  attach: (sql: SqlTx, link: EvidenceLink) => void;
  /**
   * After the command: if it committed, moves the files into place by their content hash; in every
   * case removes what is left aside. Files are placed only after the commit, so a process killed
   * mid-command leaves no file without its row (db:check lists any the other way round).
   */
  settle: (committed: boolean) => Promise<void>;
}

/**
 * Writes the files aside before the command's transaction (the slow part, which must not hold the
 * writer); the command records them as evidence of the order, its case or dispute; `settle` puts the
 * files in place (a rename, so a reader never sees half a file) once the rows are committed.
 */
export async function stageEvidence(uploads: CheckedUpload[]): Promise<StagedEvidence> {
  if (uploads.length > 0) await mkdir(/*turbopackIgnore: true*/ uploadsDir(), { recursive: true });
  const staged = await Promise.all(
    uploads.map(async (upload) => {
      const temporary = `${uploadPath(upload.sha256)}.${randomUUID()}${STAGED_SUFFIX}`;
      await writeFile(/*turbopackIgnore: true*/ temporary, upload.bytes);
      return { upload, temporary };
    }),
  );
  let attached = false;
  return {
    attach(sql, link) {
      attached = true;
      for (const { upload } of staged) {
        insertRow(sql, "Evidence", {
          id: randomUUID(),
          orderId: link.orderId,
          caseId: link.caseId,
          disputeId: link.disputeId,
          messageId: link.messageId ?? null,
          ownerId: link.actor.id ?? "system",
          ownerRole: link.actor.role,
          contentType: upload.contentType,
          sizeBytes: upload.bytes.length,
          sha256: upload.sha256,
          createdAt: link.now,
        });
      }
    },
    async settle(committed) {
      for (const { upload, temporary } of staged) {
        // The same content is the same file: one already in place is left as it is.
        if (committed && attached && !existsSync(/*turbopackIgnore: true*/ uploadPath(upload.sha256))) renameSync(/*turbopackIgnore: true*/ temporary, uploadPath(upload.sha256));
      }
      await Promise.all(staged.map(({ temporary }) => rm(/*turbopackIgnore: true*/ temporary, { force: true })));
    },
  };
}
