/**
 * The double-entry ledger. Every transaction's postings sum to zero, amounts are integers, and an
 * order's escrow can never go below zero (so nothing can be refunded twice).
 */
import { rowId } from "@/lib/ids";
import { assertMinorUnits } from "@/lib/money";
import { accounts, type LedgerPosting } from "@/lib/order";
import type { Tx } from "./prisma";
import { insertRow, type SqlTx } from "./sqlite/sql-tx";

/**
 * Posts one balanced transaction. `escrowHeld` is what the order's escrow holds before it (known from
 * the state the command was decided on, which the version check guards); returns what it holds after.
 */
export function postTransaction(
  sql: SqlTx,
  entry: { orderId: string | null; kind: string; currency: string; postings: LedgerPosting[]; at: Date },
  escrowHeld: number,
  /** Names the transaction (a top-up's form key); a fresh one otherwise. */
  transactionId: string = rowId(),
): number {
  let sum = 0;
  for (const posting of entry.postings) {
    assertMinorUnits(posting.amountMinor);
    sum += posting.amountMinor;
  }
  if (sum !== 0) throw new Error(`Ledger transaction ${entry.kind} for order ${entry.orderId} does not balance (${sum})`);

  const escrowChange = entry.postings.filter((p) => p.account === accounts.escrow).reduce((s, p) => s + p.amountMinor, 0);
  if (escrowHeld + escrowChange < 0) throw new Error(`Escrow for order ${entry.orderId} holds ${escrowHeld}, cannot release ${-escrowChange}`);

  for (const posting of entry.postings) {
    insertRow(sql, "LedgerEntry", {
      id: rowId(),
      transactionId,
      orderId: entry.orderId,
      account: posting.account,
      amountMinor: posting.amountMinor,
      currency: entry.currency,
      kind: entry.kind,
      at: entry.at,
    });
  }
  return escrowHeld + escrowChange;
}

/** What a wallet account holds now (one index range over the account's postings). */
export function walletBalance(sql: SqlTx, account: string): number {
  return sql.get<{ balance: number }>(`SELECT COALESCE(SUM("amountMinor"), 0) AS "balance" FROM "LedgerEntry" WHERE "account" = ?`, account)!.balance;
}

export interface OrderMoney {
  paidMinor: number;
  refundedMinor: number;
  settledMinor: number;
  /** Return postage kept from a refund (the buyer's cost), paid from escrow to the platform. */
  postageMinor: number;
  heldMinor: number;
}

/** paid = refunded + settled + postage + held, read from the ledger (settled net of Buyer Protection refunds the seller paid back). */
export async function orderMoney(tx: Tx, orderId: string): Promise<OrderMoney> {
  const rows = await tx.ledgerEntry.groupBy({ by: ["kind", "account"], where: { orderId }, _sum: { amountMinor: true } });
  return moneyOf(rows.map((r) => ({ kind: r.kind, account: r.account, amountMinor: r._sum.amountMinor ?? 0 })));
}

/** orderMoney on a page's read connection: one seek on LedgerEntry(orderId). */
export function readOrderMoney(sql: SqlTx, orderId: string): OrderMoney {
  return moneyOf(sql.all<{ kind: string; account: string; amountMinor: number }>(`SELECT "kind", "account", SUM("amountMinor") AS "amountMinor" FROM "LedgerEntry" WHERE "orderId" = ? GROUP BY "kind", "account"`, orderId));
}

function moneyOf(rows: { kind: string; account: string; amountMinor: number }[]): OrderMoney {
  const total = (kind: string, account: (a: string) => boolean) => rows.filter((r) => r.kind === kind && account(r.account)).reduce((s, r) => s + r.amountMinor, 0);
  const isEscrow = (a: string) => a === accounts.escrow;
  // A US Buyer Protection refund after settlement came back from the seller: refunded, and no longer settled.
  const protectedMinor = total("PROTECTION_REFUND", (a) => a.startsWith("buyer:") || a.startsWith("wallet:"));
  return {
    paidMinor: total("PAYMENT", isEscrow),
    refundedMinor: 0 - total("REFUND", isEscrow) + protectedMinor,
    // The shop's change-of-mind return fee goes to the seller too.
    settledMinor: 0 - total("SETTLEMENT", isEscrow) - total("RETURN_FEE", isEscrow) - protectedMinor,
    postageMinor: 0 - total("POSTAGE", isEscrow),
    heldMinor: rows.filter((r) => isEscrow(r.account)).reduce((s, r) => s + r.amountMinor, 0),
  };
}
