/**
 * The seller's queue (issue 16, "Needs your action"): the deadlines that wait on the seller, grouped
 * as a seller thinks of them, each with what the platform does if the seller says nothing. Read from
 * the open deadlines of the shop, so the queue is exactly what the timers will act on.
 */
import { m, type Message } from "../i18n/message";
import type { DeadlineKind } from "./deadlines";
import type { OrderStatus } from "./model";

export interface SellerQueueTab {
  key: string;
  label: Message;
  /** The deadline kinds in this tab (a per-thing deadline is stored as `<kind>:<ref>`). */
  kinds: readonly DeadlineKind[];
  /** Where the tab's items come from: the shop's open deadlines (default), or its open disputes without the seller's statement, by support's decision target. */
  source?: "DISPUTES";
  /** What the row's time is ("Due" by default). */
  dueLabel?: Message;
  /** Only orders in these statuses (the dispatch deadline stays open until the carrier's first scan, after the seller has arranged shipment). */
  statuses?: readonly OrderStatus[];
  /** What happens when the deadline passes without the seller acting. */
  onSilence: Message;
  /** The tab's empty state. */
  empty: Message;
  /** What the seller may do to many of its orders at once (each still goes through the engine on its own). */
  bulk?: { command: "APPROVE_CANCEL_REQUEST" | "ARRANGE_SHIPMENT"; label: Message };
}

export const SELLER_QUEUE: readonly SellerQueueTab[] = [
  { key: "cancel-requests", label: m("engine.sellerQueue.cancelRequests.label"), kinds: ["CANCEL_REQUEST_ANSWER"], onSilence: m("engine.sellerQueue.cancelRequests.onSilence"), empty: m("engine.sellerQueue.cancelRequests.empty"), bulk: { command: "APPROVE_CANCEL_REQUEST", label: m("engine.sellerQueue.cancelRequests.bulk") } },
  { key: "to-ship", label: m("engine.sellerQueue.toShip.label"), kinds: ["DISPATCH"], statuses: ["AWAITING_SHIPMENT"], onSilence: m("engine.sellerQueue.toShip.onSilence"), empty: m("engine.sellerQueue.toShip.empty"), bulk: { command: "ARRANGE_SHIPMENT", label: m("engine.sellerQueue.toShip.bulk") } },
  { key: "requests", label: m("engine.sellerQueue.requests.label"), kinds: ["SELLER_REVIEW"], onSilence: m("engine.sellerQueue.requests.onSilence"), empty: m("engine.sellerQueue.requests.empty") },
  { key: "returns", label: m("engine.sellerQueue.returns.label"), kinds: ["INSPECTION"], onSilence: m("engine.sellerQueue.returns.onSilence"), empty: m("engine.sellerQueue.returns.empty") },
  { key: "refused", label: m("engine.sellerQueue.refused.label"), kinds: ["REFUSAL_INSPECTION"], onSilence: m("engine.sellerQueue.refused.onSilence"), empty: m("engine.sellerQueue.refused.empty") },
  {
    key: "disputes",
    label: m("engine.sellerQueue.disputes.label"),
    kinds: [],
    source: "DISPUTES",
    dueLabel: m("engine.sellerQueue.disputes.due"),
    onSilence: m("engine.sellerQueue.disputes.onSilence"),
    empty: m("engine.sellerQueue.disputes.empty"),
  },
  { key: "appeals", label: m("engine.sellerQueue.appeals.label"), kinds: ["APPEAL_WINDOW"], onSilence: m("engine.sellerQueue.appeals.onSilence"), empty: m("engine.sellerQueue.appeals.empty") },
];

export function sellerQueueTab(key: string | undefined): SellerQueueTab {
  return SELLER_QUEUE.find((tab) => tab.key === key) ?? SELLER_QUEUE[0]!;
}

/** Which tab an open deadline's key belongs to, if any. */
export function queueTabOf(deadlineKey: string): SellerQueueTab | null {
  const kind = deadlineKey.split(":")[0];
  return SELLER_QUEUE.find((tab) => (tab.kinds as readonly string[]).includes(kind ?? "")) ?? null;
}
