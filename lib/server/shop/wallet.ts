import "server-only";
/**
 * The buyer's wallet page (issue 29): the balance and its history read from the ledger account
 * `wallet:<buyerId>` — top-ups in, payments out, refunds and support's remedies in — newest first,
 * a keyset page at a time, each line with its order; one snapshot on the page reads' connection.
 */
import { accounts } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { decodeKeyset, encodeKeyset } from "../pagination";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx } from "../sqlite/sql-tx";
import { WALLET_CURRENCY } from "./top-up-wallet";

export const WALLET_PAGE_SIZE = 20;

export interface WalletLine {
  id: string;
  at: Date;
  kind: string;
  amountMinor: number;
  currency: string;
  order: { id: string; code: string; shopName: string } | null;
}

export interface WalletView {
  balanceMinor: number;
  currency: string;
  lines: WalletLine[];
  /** The cursor of the next (older) page, when there is one. */
  next: string | null;
  /** Whether this is a later page (so the page offers "newest"). */
  paged: boolean;
}

/** What a buyer's wallet holds now (the sum of the account's postings). */
export function readWalletBalance(sql: SqlTx, buyerId: string): number {
  return sql.get<{ n: number }>(`SELECT COALESCE(SUM("amountMinor"), 0) AS "n" FROM "LedgerEntry" WHERE "account" = ?`, accounts.wallet(buyerId))!.n;
}

type Raw = Record<string, string | number | null>;

/** The balance and a page of the account's postings, newest first, in one snapshot. */
export async function walletView(user: SessionUser, cursor: string | undefined): Promise<WalletView | null> {
  if (user.role !== "BUYER") return null;
  const account = accounts.wallet(user.id);
  const after = decodeKeyset(cursor);
  const position = after ? { sql: ` AND (e."at" < ? OR (e."at" = ? AND e."id" < ?))`, params: [after.at, after.at, after.id] } : { sql: "", params: [] };
  const { balanceMinor, rows } = readSql((sql) => ({
    balanceMinor: readWalletBalance(sql, user.id),
    rows: sql.all<Raw>(
      `SELECT e."id", e."at", e."kind", e."amountMinor", e."currency", o."id" AS "orderId", o."code", s."name" AS "shopName"
        FROM "LedgerEntry" e LEFT JOIN "Order" o ON o."id" = e."orderId" LEFT JOIN "Shop" s ON s."id" = o."shopId"
        WHERE e."account" = ?${position.sql} ORDER BY e."at" DESC, e."id" DESC LIMIT ${WALLET_PAGE_SIZE + 1}`,
      account,
      ...position.params,
    ),
  }));
  const page = rows.slice(0, WALLET_PAGE_SIZE).map((row) => ({
    id: row.id as string,
    at: dateOf(row.at as string)!,
    kind: row.kind as string,
    amountMinor: row.amountMinor as number,
    currency: row.currency as string,
    order: row.orderId ? { id: row.orderId as string, code: row.code as string, shopName: row.shopName as string } : null,
  }));
  const last = page[page.length - 1];
  return {
    balanceMinor,
    currency: (rows[0]?.currency as string | undefined) ?? WALLET_CURRENCY,
    lines: page,
    next: rows.length > WALLET_PAGE_SIZE && last ? encodeKeyset(last.at, last.id) : null,
    paged: after !== null,
  };
}
