/**
 * What the server hands the shared components to render: plain data, no behaviour. Pages fetch it
 * (lib/server) and pass it down; components import these types from here, never from lib/server
 * (docs/decisions/009, enforced by ESLint).
 */
import type { Message } from "./i18n/message";
import type { OrderStatus } from "./order";

/** One row of an order list. */
export interface OrderListRow {
  id: string;
  code: string;
  placedAt: Date;
  status: OrderStatus;
  statusLabel: Message;
  totalMinor: number;
  currency: string;
  buyerName: string;
  shopName: string;
  summary: Message;
  cancellation: { reason: Message; by: Message; at: Date | null } | null;
  /** The cancel request, case, dispute or appeal still open on the order, in a line; null when none is. */
  openWork: Message | null;
  /** When support aims to decide the dispute or appeal waiting for it (a target, no timer acts on it). */
  supportTarget: Date | null;
  /** The earliest deadline anyone is waiting for on this order (reminders aside). */
  nextDeadline: { label: Message; dueAt: Date } | null;
}

/** The next deadline a person may see, for the clock bar's "Jump to next deadline". */
export interface NextDeadline {
  orderId: string;
  code: string;
  label: Message;
  dueAt: Date;
}
