/**
 * The buyer's home by stage, as shoppers know it (issue 29): To pay, To ship, Shipped, To review,
 * Returns & refunds, Cancelled. A stage is a condition on the order's status and on what it waits on
 * (`openWork`): an open return case or dispute puts the order under Returns & refunds whatever its
 * status. Completed orders with nothing open are under "All" only.
 */
import { labelsOf, type Message } from "../i18n/message";
import type { OrderStatus } from "./model";

export const BUYER_STAGES = ["TO_PAY", "TO_SHIP", "SHIPPED", "TO_REVIEW", "RETURNS", "CANCELLED"] as const;
export type BuyerStage = (typeof BUYER_STAGES)[number];

export const BUYER_STAGE_LABELS: Record<BuyerStage, Message> = labelsOf("orders.stage", BUYER_STAGES);

/** What the order waits on that makes it a return or refund matter. */
export const RETURN_WORK = ["CASE", "DISPUTE"] as const;

export interface StageCondition {
  statuses?: readonly OrderStatus[];
  /** true: only orders with a return case or dispute open; false: only those without. */
  returnWork: boolean;
}

export const BUYER_STAGE_CONDITIONS: Record<BuyerStage, StageCondition> = {
  TO_PAY: { statuses: ["UNPAID"], returnWork: false },
  TO_SHIP: { statuses: ["ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"], returnWork: false },
  SHIPPED: { statuses: ["IN_TRANSIT"], returnWork: false },
  TO_REVIEW: { statuses: ["DELIVERED"], returnWork: false },
  RETURNS: { returnWork: true },
  CANCELLED: { statuses: ["CANCELLED"], returnWork: false },
};

export function isBuyerStage(value: unknown): value is BuyerStage {
  return typeof value === "string" && (BUYER_STAGES as readonly string[]).includes(value);
}

/** The stage an order is in (null: completed with nothing open, under "All" only). */
export function buyerStageOf(order: { status: OrderStatus; openWork: string | null }): BuyerStage | null {
  if (order.openWork && (RETURN_WORK as readonly string[]).includes(order.openWork)) return "RETURNS";
  return BUYER_STAGES.find((stage) => BUYER_STAGE_CONDITIONS[stage].statuses?.includes(order.status)) ?? null;
}
