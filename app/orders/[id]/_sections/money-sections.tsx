import { Countdown } from "@/components/countdown";
import { SimulatorButton } from "@/components/simulator-button";
import { formatDateTime, formatDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card } from "./card";

/** Each refund, where it is, and the payment network's control to delay it (the simulator). */
export function RefundsSection({ order }: { order: OrderDetail }) {
  if (order.refunds.length === 0) return null;
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <Card title="Refunds">
      <ul className="space-y-3 text-sm">
        {order.refunds.map((refund) => (
          <li key={refund.id} className="space-y-0.5">
            <p>
              <strong>{money(refund.totalMinor)}</strong> to the buyer&apos;s {refund.destinationLabel}
            </p>
            <p className="text-stone-600">
              Items {money(refund.itemsMinor)} + shipping {money(refund.shippingMinor)}
            </p>
            <p>
              {refund.statusLabel}
              {refund.arrivedAt ? ` on ${formatDay(refund.arrivedAt)}` : ` · expected by ${formatDay(refund.expectedArrivalAt)}`}
            </p>
            {refund.canDelay ? <SimulatorButton action="simulate" fields={{ type: "DELAY_REFUND", orderId: order.id, refundKey: refund.key }} label="Payment network: delay this refund" /> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/**
 * Open deadlines with their countdowns, the clock jump to each (for those who may move the world's
 * clock), and the simulator's "happen now" for the carrier and the network.
 */
export function DeadlinesSection({ order, now, canMoveClock }: { order: OrderDetail; now: Date; canMoveClock: boolean }) {
  if (order.deadlines.length === 0 && order.carrierControls.length === 0) return null;
  return (
    <Card title="Deadlines">
      <ul className="space-y-3 text-sm">
        {order.deadlines.map((deadline) => (
          <li key={deadline.key} className="space-y-1">
            <p>{deadline.label}</p>
            <p className="text-stone-600">
              {formatDateTime(deadline.dueAt)} · <Countdown dueAt={deadline.dueAt.toISOString()} serverNow={now.toISOString()} />
            </p>
            <div className="flex flex-wrap gap-2">
              {canMoveClock ? <SimulatorButton action="jump" fields={{ by: "DEADLINE", orderId: order.id, key: deadline.key }} label="Jump the clock here" /> : null}
              {deadline.hurry ? <SimulatorButton action="simulate" fields={{ type: "HURRY_SIMULATION", orderId: order.id, deadline: deadline.key }} label={deadline.hurry} /> : null}
            </div>
          </li>
        ))}
      </ul>
      {order.carrierControls.length > 0 ? (
        <div className="mt-4 space-y-1 border-t border-stone-200 pt-3 text-sm">
          <p className="text-stone-600">Simulator: what else the carrier can do with this parcel</p>
          <div className="flex flex-wrap gap-2">
            {order.carrierControls.map((control) => (
              <SimulatorButton key={control.type} action="simulate" fields={{ type: control.type, orderId: order.id }} label={control.label} />
            ))}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

/** Where the order's money is, from the ledger. */
export function MoneySection({ order }: { order: OrderDetail }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  const rows = [
    ["Paid", order.money.paidMinor],
    ["Refunded", order.money.refundedMinor],
    ["Settled to the seller", order.money.settledMinor],
    ["Return postage kept", order.money.postageMinor],
    ["Held in escrow", order.money.heldMinor],
  ] as const;
  return (
    <Card title="Money">
      <dl className="grid grid-cols-2 gap-y-1 text-sm tabular-nums">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="text-right">{money(value)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
