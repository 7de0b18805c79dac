import "server-only";
/** What the API's endpoints share: page size and tokens, and running a command as the shop's seller with the call's idempotency key. */
import { createHash } from "node:crypto";
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { english } from "@/lib/i18n/translator";
import type { Command } from "@/lib/order";
import { runOrderCommand, type OrderCommandResult } from "../../orders/run-order-command";
import type { ApiContext } from "../gateway";

/** The query parameters of a search, for the reference (the gateway reads them with pageSize and pageOf). */
export const PAGE_QUERY = z.object({
  page_size: z.number().int().min(1).max(100).default(20).describe("Results per page, 1 to 100."),
  page_token: z.string().optional().describe("The `next_page_token` of the page before; empty or absent for the first page."),
});

/** The query parameter of a write, for the reference. */
export const IDEMPOTENCY_QUERY = z.object({
  idempotency_key: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).optional().describe("A retry with the same key answers as the first call did; the same key with another request is refused."),
});

/** `page_size`: 1 to 100 (default 20). */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get("page_size");
  if (raw === null) return 20;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 100) throw API_ERRORS.badParam("`page_size` must be a whole number from 1 to 100.");
  return size;
}

interface Cursor {
  at: Date;
  id: string;
}

/** Keyset paging by (time, id), newest first: `page_token` names the last row of the page before. */
export async function pageOf<Row>(query: URLSearchParams, size: number, load: (after: Cursor | null) => Promise<Row[]>, key: (row: Row) => Cursor): Promise<{ rows: Row[]; next: string }> {
  const token = query.get("page_token");
  let after: Cursor | null = null;
  if (token) {
    try {
      const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { t: number; i: string };
      if (typeof parsed.t !== "number" || typeof parsed.i !== "string") throw new Error("shape");
      after = { at: new Date(parsed.t), id: parsed.i };
    } catch {
      throw API_ERRORS.badParam("`page_token` is not a token this API gave.");
    }
  }
  const rows = await load(after);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  const next = rows.length > size && last ? Buffer.from(JSON.stringify({ t: key(last).at.getTime(), i: key(last).id })).toString("base64url") : "";
  return { rows: page, next };
}

/** Newest first: by time, then id, as the indexes order them. */
const newestFirst = (a: Cursor, b: Cursor) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * A shop's rows newest first, filtered to some statuses: one index range per status, each read in the
 * index's order and merged, so no query sorts the shop's rows (`status IN (…)` with ORDER BY would).
 * `loadOne` reads `take` rows of one status (or of all, given null) after the cursor.
 */
export function pageByStatus<Row>(
  query: URLSearchParams,
  size: number,
  statuses: readonly string[] | null,
  loadOne: (status: string | null, after: Cursor | null, take: number) => Promise<Row[]>,
  key: (row: Row) => Cursor,
): Promise<{ rows: Row[]; next: string }> {
  return pageOf(
    query,
    size,
    async (after) => {
      if (!statuses || statuses.length === 1) return loadOne(statuses?.[0] ?? null, after, size + 1);
      const parts = await Promise.all(statuses.map((status) => loadOne(status, after, size + 1)));
      return parts.flat().sort((a, b) => newestFirst(key(a), key(b))).slice(0, size + 1);
    },
    key,
  );
}

/** Rows after a cursor, newest first, by a time column and the id. */
export function afterCursor(column: string, after: Cursor | null): object {
  return after ? { OR: [{ [column]: { lt: after.at } }, { [column]: after.at, id: { lt: after.id } }] } : {};
}

/**
 * Runs a command on an order as the shop's seller. With `idempotency_key`, a retry of the same call
 * answers as the first did; the same key with another request is refused (the key is kept with a
 * fingerprint of the path and body, in the table the pages' forms use).
 */
export async function runAsSeller(ctx: ApiContext, orderId: string, command: Command): Promise<OrderCommandResult> {
  const given = ctx.query.get("idempotency_key") ?? (typeof (ctx.body as { idempotency_key?: unknown })?.idempotency_key === "string" ? (ctx.body as { idempotency_key: string }).idempotency_key : null);
  let idempotencyKey: string | undefined;
  if (given) {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(given)) throw API_ERRORS.badParam("`idempotency_key` must be 1 to 64 letters, digits or _ . : -.");
    const prefix = `api:${ctx.app.id}:${given}:`;
    const fingerprint = createHash("sha256").update(JSON.stringify([orderId, command])).digest("hex").slice(0, 16);
    idempotencyKey = `${prefix}${fingerprint}`;
    const earlier = await ctx.db.idempotencyKey.findFirst({ where: { key: { gte: prefix, lt: `${prefix}\uffff` } }, select: { key: true } });
    if (earlier && earlier.key !== idempotencyKey) throw API_ERRORS.idempotencyReused();
  }
  const result = await runOrderCommand(ctx.db, ctx.seller, { orderId, command, idempotencyKey }, ctx.now);
  if (result.ok) return result.value;
  const message = english().render(result.error.message);
  if (result.error.code === "NOT_FOUND") throw API_ERRORS.unknownId("order_id");
  if (result.error.code === "CONFLICT" && given) throw API_ERRORS.idempotencyReused();
  throw API_ERRORS.refused(message);
}
