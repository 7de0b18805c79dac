import type { OrderStatus } from "./model";
import type { RequestCaseType } from "./return-case";

/** The fewest photos a request needs: a refund without a return, once delivered, needs one of the item. */
export function minPhotosFor(caseType: RequestCaseType, status: OrderStatus): number {
  return caseType === "REFUND_ONLY" && status === "DELIVERED" ? 1 : 0;
}
