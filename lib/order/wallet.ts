/**
 * The buyer's platform wallet (issue 29; docs/decisions/022-wallet.md): money the platform holds for
 * the buyer, ledger account `wallet:<buyerId>`. Orders paid from it take from it, their refunds and
 * support's remedies for overdue refunds arrive in it at once, and it never goes below zero. The
 * simulator opens every buyer's wallet with a balance moved in from their own money (`buyer:<id>`),
 * and the buyer may top it up the same way.
 */
import { accounts, type LedgerPosting } from "./commands";

/** What every buyer's wallet starts with, moved in from their own money when the world is made. */
export const WALLET_OPENING_MINOR = 250_000;
export const TOP_UP_MIN_MINOR = 500;
export const TOP_UP_MAX_MINOR = 100_000;
/** The ledger kind of money the buyer moves into their wallet (the opening balance is one). */
export const TOP_UP_KIND = "TOP_UP";

/** The kinds of wallet lines, as the wallet page names them. */
export type WalletLineKind = "TOP_UP" | "PAYMENT" | "REFUND" | "REMEDY" | "PROTECTION_REFUND";

/** A top-up: from the buyer's own money into their wallet, balanced by construction. */
export function topUpPostings(buyerId: string, amountMinor: number): LedgerPosting[] {
  return [
    { account: accounts.buyer(buyerId), amountMinor: -amountMinor },
    { account: accounts.wallet(buyerId), amountMinor },
  ];
}

/** The opening balance's rows, with ids derived from the buyer's (so a copied world's rows are named like its people). */
export function openingTopUp(buyerId: string, at: Date, currency = "USD") {
  const transactionId = `opening-${buyerId}`;
  return topUpPostings(buyerId, WALLET_OPENING_MINOR).map((posting, i) => ({
    id: `${transactionId}-${i === 0 ? "out" : "in"}`,
    transactionId,
    orderId: null,
    account: posting.account,
    amountMinor: posting.amountMinor,
    currency,
    kind: TOP_UP_KIND,
    at,
  }));
}

/** What the postings take from wallets, by account (a payment from the wallet; nothing else takes from one). */
export function walletDebits(postings: readonly LedgerPosting[]): Map<string, number> {
  const debits = new Map<string, number>();
  for (const posting of postings) {
    if (posting.amountMinor < 0 && posting.account.startsWith("wallet:")) debits.set(posting.account, (debits.get(posting.account) ?? 0) - posting.amountMinor);
  }
  return debits;
}
