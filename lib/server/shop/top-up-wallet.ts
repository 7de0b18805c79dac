import "server-only";
/**
 * A buyer adds money to their platform wallet from their own (card or PayPal) money: one balanced
 * ledger transaction, `buyer:<id>` → `wallet:<id>`, with no order. The form's key names the
 * transaction, so a double-click or a retry adds the money once.
 */
import { AppError, type Result } from "@/lib/errors";
import { m, money } from "@/lib/i18n/message";
import { TOP_UP_KIND, TOP_UP_MAX_MINOR, TOP_UP_MIN_MINOR, accounts, topUpPostings } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { db as writer } from "../db";
import { postTransaction, walletBalance } from "../ledger";
import { writeTransaction, type Db } from "../prisma";
import { runCommand } from "../run-command";
import type { SqlTx } from "../sqlite/sql-tx";

export const WALLET_CURRENCY = "USD";

export interface TopUpInput {
  amountMinor: number;
  /** From the form: the same key twice is one top-up. */
  idempotencyKey: string;
}

export function topUpWallet(user: SessionUser, input: TopUpInput, now: Date, db: Db = writer): Promise<Result<{ balanceMinor: number }>> {
  return runCommand(() => writeTransaction(db, (sql) => executeTopUp(sql, user, input, now)));
}

export function executeTopUp(sql: SqlTx, user: SessionUser, input: TopUpInput, now: Date): { balanceMinor: number } {
  if (user.role !== "BUYER") throw new AppError("FORBIDDEN", m("wallet.onlyBuyers"));
  const { amountMinor } = input;
  if (!Number.isSafeInteger(amountMinor) || amountMinor < TOP_UP_MIN_MINOR || amountMinor > TOP_UP_MAX_MINOR) {
    const reason = m("wallet.amountRange", { min: money(TOP_UP_MIN_MINOR, WALLET_CURRENCY), max: money(TOP_UP_MAX_MINOR, WALLET_CURRENCY) });
    throw new AppError("VALIDATION", reason, { amount: [reason] });
  }
  const wallet = accounts.wallet(user.id);
  const transactionId = `topup-${user.id}-${input.idempotencyKey}`;
  const done = sql.get<{ account: string }>(`SELECT "account" FROM "LedgerEntry" WHERE "transactionId" = ? LIMIT 1`, transactionId);
  if (!done) postTransaction(sql, { orderId: null, kind: TOP_UP_KIND, currency: WALLET_CURRENCY, postings: topUpPostings(user.id, amountMinor), at: now }, 0, transactionId);
  return { balanceMinor: walletBalance(sql, wallet) };
}
