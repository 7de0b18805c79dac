/**
 * Where each field of the engine's order patch is saved. The record is keyed by every field of
 * `OrderPatch`: a field the engine adds without a column here fails to compile instead of being
 * silently left unsaved.
 */
import type { OrderPatch } from "@/lib/order";
import type { SqlValue } from "../sqlite/sql-tx";

type Columns = Record<string, SqlValue>;

const COLUMNS: { [K in keyof OrderPatch]-?: (value: NonNullable<OrderPatch[K]>) => Columns } = {
  status: (status) => ({ status }),
  paidAt: (paidAt) => ({ paidAt }),
  remorseEndsAt: (remorseEndsAt) => ({ remorseEndsAt }),
  awaitingShipmentAt: (awaitingShipmentAt) => ({ awaitingShipmentAt }),
  dispatchDueAt: (dispatchDueAt) => ({ dispatchDueAt }),
  arrangedAt: (arrangedAt) => ({ arrangedAt }),
  pickedUpAt: (pickedUpAt) => ({ pickedUpAt }),
  lateDispatch: (lateDispatch) => ({ lateDispatch }),
  deliveredAt: (deliveredAt) => ({ deliveredAt }),
  returnWindowEndsAt: (returnWindowEndsAt) => ({ returnWindowEndsAt }),
  cancellation: (c) => ({ cancelReasonKey: c.reasonKey, cancelledByRole: c.byRole, cancelledById: c.byId, cancelledAt: c.at, faultParty: c.fault }),
};

/** The column values for a decision's patch (fields it leaves out are left as they are). */
export function patchColumns(patch: OrderPatch): Columns {
  let columns: Columns = {};
  for (const field of Object.keys(patch) as (keyof OrderPatch)[]) {
    const value = patch[field];
    if (value !== undefined) columns = { ...columns, ...(COLUMNS[field] as (value: unknown) => Columns)(value) };
  }
  return columns;
}
