import { getTranslations } from "next-intl/server";
import { Countdown } from "@/components/countdown";
import { SimulatorButton } from "@/components/simulator-button";
import { getI18n } from "@/lib/i18n/server";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card } from "./card";

/** Each refund, where it is, and the payment network's control to delay it (the simulator). */
export async function RefundsSection({ order }: { order: OrderDetail }) {
  if (order.refunds.length === 0) return null;
  const t = await getTranslations("order.refunds");
  const { f, render } = await getI18n();
  const money = (minor: number) => f.money(minor, order.currency);
  return (
    <Card id="refunds" title={t("title")}>
      <ul className="space-y-3 text-sm">
        {order.refunds.map((refund) => (
          <li key={refund.id} className="space-y-0.5">
            <p>{t.rich("to", { amount: money(refund.totalMinor), method: render(refund.destinationLabel), strong: (chunks) => <strong>{chunks}</strong> })}</p>
            <p className="text-stone-600">{t("breakdown", { items: money(refund.itemsMinor), shipping: money(refund.shippingMinor) })}</p>
            <p>
              {refund.arrivedAt
                ? t("arrivedOn", { status: render(refund.statusLabel), day: f.day(refund.arrivedAt) })
                : t("expectedBy", { status: render(refund.statusLabel), day: f.day(refund.expectedArrivalAt) })}
            </p>
            {refund.canDelay ? <SimulatorButton action="simulate" fields={{ type: "DELAY_REFUND", orderId: order.id, refundKey: refund.key }} label={t("delay")} /> : null}
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
export async function DeadlinesSection({ order, now, canMoveClock }: { order: OrderDetail; now: Date; canMoveClock: boolean }) {
  if (order.deadlines.length === 0 && order.carrierControls.length === 0) return null;
  const t = await getTranslations("order.deadlines");
  const { f, render } = await getI18n();
  return (
    <Card id="deadlines" title={t("title")}>
      <ul className="space-y-3 text-sm">
        {order.deadlines.map((deadline) => (
          <li key={deadline.key} className="space-y-1">
            <p>{render(deadline.label)}</p>
            <p className="text-stone-600">
              {f.dateTime(deadline.dueAt)} · <Countdown dueAt={deadline.dueAt.toISOString()} serverNow={now.toISOString()} />
            </p>
            <div className="flex flex-wrap gap-2">
              {canMoveClock ? <SimulatorButton action="jump" fields={{ by: "DEADLINE", orderId: order.id, key: deadline.key }} label={t("jump")} /> : null}
              {deadline.hurry ? <SimulatorButton action="simulate" fields={{ type: "HURRY_SIMULATION", orderId: order.id, deadline: deadline.key }} label={render(deadline.hurry)} /> : null}
            </div>
          </li>
        ))}
      </ul>
      {order.carrierControls.length > 0 ? (
        <div className="mt-4 space-y-1 border-t border-stone-200 pt-3 text-sm">
          <p className="text-stone-600">{t("carrierControls")}</p>
          <div className="flex flex-wrap gap-2">
            {order.carrierControls.map((control) => (
              <SimulatorButton key={control.type} action="simulate" fields={{ type: control.type, orderId: order.id }} label={render(control.label)} />
            ))}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

/** Where the order's money is, from the ledger. */
export async function MoneySection({ order }: { order: OrderDetail }) {
  const t = await getTranslations("order.money");
  const { f } = await getI18n();
  const rows = [
    ["paid", order.money.paidMinor],
    ["refunded", order.money.refundedMinor],
    ["settled", order.money.settledMinor],
    ["postage", order.money.postageMinor],
    ["held", order.money.heldMinor],
  ] as const;
  return (
    <Card id="money" title={t("title")}>
      <dl className="grid grid-cols-2 gap-y-1 text-sm tabular-nums">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{t(label)}</dt>
            <dd className="text-right">{f.money(value, order.currency)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
