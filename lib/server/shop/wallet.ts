import "server-only";
/**
 * The buyer's wallet page (issue 29): the balance and its history read from the ledger account
 * `wallet:<buyerId>` — top-ups in, payments out, refunds and support's remedies in — newest first,
 * a keyset page at a time, each line with its order.
 */
import { accounts } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { decodeKeyset, encodeKeyset } from "../pagination";
import type { Db } from "../prisma";
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
export async function walletBalanceOf(buyerId: string, db: Db = readDb): Promise<number> {
  return (await db.ledgerEntry.aggregate({ where: { account: accounts.wallet(buyerId) }, _sum: { amountMinor: true } }))._sum.amountMinor ?? 0;
}

export async function walletView(user: SessionUser, cursor: string | undefined, db: Db = readDb): Promise<WalletView | null> {
  if (user.role !== "BUYER") return null;
  const account = accounts.wallet(user.id);
  const after = decodeKeyset(cursor);
  const [balanceMinor, rows] = await Promise.all([
    walletBalanceOf(user.id, db),
    db.ledgerEntry.findMany({
      where: { account, ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}) },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: WALLET_PAGE_SIZE + 1,
      select: { id: true, at: true, kind: true, amountMinor: true, currency: true, order: { select: { id: true, code: true, shop: { select: { name: true } } } } },
    }),
  ]);
  const page = rows.slice(0, WALLET_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    balanceMinor,
    currency: rows[0]?.currency ?? WALLET_CURRENCY,
    lines: page.map((row) => ({ id: row.id, at: row.at, kind: row.kind, amountMinor: row.amountMinor, currency: row.currency, order: row.order ? { id: row.order.id, code: row.order.code, shopName: row.order.shop.name } : null })),
    next: rows.length > WALLET_PAGE_SIZE && last ? encodeKeyset(last.at, last.id) : null,
    paged: after !== null,
  };
}
