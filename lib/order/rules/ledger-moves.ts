/**
 * Every way money moves on an order, as one constructor each (docs/rules.md#money; accounts in
 * commands.ts). Each posting pair sums to zero, so the books balance by construction.
 */
import { accounts, type Effect, type LedgerKind } from "../commands";
import type { OrderState } from "../model";

type Books = Pick<OrderState, "currency" | "buyerId" | "shopId" | "paymentMethod">;

/** Where the buyer's money for this order comes from and a refund goes back to: the wallet, or their card or PayPal. */
const buyersAccount = (state: Books) => (state.paymentMethod === "WALLET" ? accounts.wallet(state.buyerId) : accounts.buyer(state.buyerId));

function move(kind: LedgerKind, state: Books, from: string, to: string, amountMinor: number): Effect {
  return { type: "LEDGER", kind, currency: state.currency, postings: [{ account: from, amountMinor: -amountMinor }, { account: to, amountMinor }] };
}

export const ledgerMoves = {
  /** The buyer pays; the platform holds the money. */
  payment: (state: Books, amountMinor: number) => move("PAYMENT", state, buyersAccount(state), accounts.escrow, amountMinor),
  /** A refund leaves escrow for the buyer. */
  refund: (state: Books, amountMinor: number) => move("REFUND", state, accounts.escrow, buyersAccount(state), amountMinor),
  /** Return postage the buyer pays, kept from escrow by the platform. */
  postageKept: (state: Books, amountMinor: number) => move("POSTAGE", state, accounts.escrow, accounts.platform, amountMinor),
  /** Return postage charged to the seller (a seller-fault return). */
  postageCharged: (state: Books, amountMinor: number) => move("POSTAGE", state, accounts.seller(state.shopId), accounts.platform, amountMinor),
  /** The shop's disclosed change-of-mind return fee, kept from the refund for the seller. */
  returnFee: (state: Books, amountMinor: number) => move("RETURN_FEE", state, accounts.escrow, accounts.seller(state.shopId), amountMinor),
  /** What escrow still holds, paid to the seller. */
  settlement: (state: Books, amountMinor: number) => move("SETTLEMENT", state, accounts.escrow, accounts.seller(state.shopId), amountMinor),
  /** An overdue refund the platform takes over from the payment network. */
  recall: (state: Books, amountMinor: number) => move("RECALL", state, accounts.buyer(state.buyerId), accounts.platform, amountMinor),
  /** The platform pays the buyer's wallet instead. */
  remedy: (state: Books, amountMinor: number) => move("REMEDY", state, accounts.platform, accounts.wallet(state.buyerId), amountMinor),
  /** A US Buyer Protection refund after the order settled: back from the seller's balance (which may go negative). */
  protectionRefund: (state: Books, amountMinor: number) => move("PROTECTION_REFUND", state, accounts.seller(state.shopId), buyersAccount(state), amountMinor),
  /** The platform compensates a seller who won an appeal after the buyer was refunded. */
  compensation: (state: Books, amountMinor: number) => move("COMPENSATION", state, accounts.platform, accounts.seller(state.shopId), amountMinor),
} as const;
