/**
 * The seller's queue (issue 16, "Needs your action"): the deadlines that wait on the seller, grouped
 * as a seller thinks of them, each with what the platform does if the seller says nothing. Read from
 * the open deadlines of the shop, so the queue is exactly what the timers will act on.
 */
import type { DeadlineKind } from "./deadlines";
import type { OrderStatus } from "./model";

export interface SellerQueueTab {
  key: string;
  label: string;
  /** The deadline kinds in this tab (a per-thing deadline is stored as `<kind>:<ref>`). */
  kinds: readonly DeadlineKind[];
  /** Where the tab's items come from: the shop's open deadlines (default), or its open disputes without the seller's statement, by support's decision target. */
  source?: "DISPUTES";
  /** What the row's time is ("Due" by default). */
  dueLabel?: string;
  /** Only orders in these statuses (the dispatch deadline stays open until the carrier's first scan, after the seller has arranged shipment). */
  statuses?: readonly OrderStatus[];
  /** What happens when the deadline passes without the seller acting. */
  onSilence: string;
  /** The tab's empty state. */
  empty: string;
  /** What the seller may do to many of its orders at once (each still goes through the engine on its own). */
  bulk?: { command: "APPROVE_CANCEL_REQUEST" | "ARRANGE_SHIPMENT"; label: string };
}

export const SELLER_QUEUE: readonly SellerQueueTab[] = [
  { key: "cancel-requests", label: "Cancel requests", kinds: ["CANCEL_REQUEST_ANSWER"], onSilence: "Approved automatically and refunded", empty: "No buyer is waiting for an answer to a cancel request.", bulk: { command: "APPROVE_CANCEL_REQUEST", label: "Approve the chosen cancel requests" } },
  { key: "to-ship", label: "To ship", kinds: ["DISPATCH"], statuses: ["AWAITING_SHIPMENT"], onSilence: "Counted as late dispatch; cancelled if still not shipped", empty: "Nothing is waiting to be shipped.", bulk: { command: "ARRANGE_SHIPMENT", label: "Arrange shipment for the chosen orders" } },
  { key: "requests", label: "Refund and return requests", kinds: ["SELLER_REVIEW"], onSilence: "Approved automatically", empty: "No refund or return request is waiting for your review." },
  { key: "returns", label: "Returned parcels", kinds: ["INSPECTION"], onSilence: "Accepted and refunded automatically", empty: "No returned parcel is waiting for inspection." },
  { key: "refused", label: "Refused parcels", kinds: ["REFUSAL_INSPECTION"], onSilence: "Confirmed and refunded automatically", empty: "No refused parcel is waiting for your confirmation." },
  {
    key: "disputes",
    label: "Disputes awaiting your statement",
    kinds: [],
    source: "DISPUTES",
    dueLabel: "Platform support decides by",
    onSilence: "Platform support decides without your side of the story",
    empty: "No open dispute is waiting for your statement.",
  },
  { key: "appeals", label: "Decisions to appeal", kinds: ["APPEAL_WINDOW"], onSilence: "The decision becomes final", empty: "No decision of platform support can be appealed now." },
];

export function sellerQueueTab(key: string | undefined): SellerQueueTab {
  return SELLER_QUEUE.find((tab) => tab.key === key) ?? SELLER_QUEUE[0]!;
}

/** Which tab an open deadline's key belongs to, if any. */
export function queueTabOf(deadlineKey: string): SellerQueueTab | null {
  const kind = deadlineKey.split(":")[0];
  return SELLER_QUEUE.find((tab) => (tab.kinds as readonly string[]).includes(kind ?? "")) ?? null;
}
