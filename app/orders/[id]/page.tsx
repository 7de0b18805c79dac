import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { CommandForm } from "@/components/command-form";
import { Countdown } from "@/components/countdown";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime, formatDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { appClock } from "@/lib/server/app-clock";
import { HOME_BY_ROLE, requireUser } from "@/lib/server/auth/session";
import { getOrderDetail, type OrderDetail } from "@/lib/server/orders/get-order";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await props.params;
  const now = appClock().now();
  const order = await getOrderDetail(user, id, now);
  // Someone else's order looks exactly like one that does not exist.
  if (!order) notFound();
  const money = (minor: number) => formatMoney(minor, order.currency);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={HOME_BY_ROLE[user.role]} className="text-brand-700 hover:underline">
          ← Back to orders
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Order {order.code}</h1>
        <StatusBadge status={order.status} />
      </div>
      <section aria-label="Order status" aria-live="polite" className="rounded-lg border border-stone-200 bg-white p-4">
        <p>
          <span className="text-stone-600">Status: </span>
          <strong>{order.statusLabel}</strong>
        </p>
        <p className="text-sm text-stone-600">
          {order.shopName} · bought by {order.buyerName} · placed {formatDateTime(order.placedAt)} · {order.policyLabel} rules
        </p>
        {order.cancellation ? (
          <p className="mt-2 text-sm">
            Cancelled by {order.cancellation.by.toLowerCase()}
            {order.cancellation.at ? ` on ${formatDateTime(order.cancellation.at)}` : ""}. Reason: {order.cancellation.reason}.{" "}
            {order.cancellation.sellerFault ? "Counted as the seller's fault." : "Not the seller's fault."}
          </p>
        ) : null}
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ActionsSection order={order} now={now} />
          <CancelRequestSection order={order} />
          <ItemsSection order={order} money={money} />
          <TimelineSection order={order} />
        </div>
        <div className="space-y-6">
          <RefundsSection order={order} money={money} />
          <DeadlinesSection order={order} now={now} />
          <MoneySection order={order} money={money} />
        </div>
      </div>
    </div>
  );
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** How each command looks on this page; an open command without an entry here has no form yet and is not listed. */
const FORMS: Partial<Record<string, { tone: "danger" | "primary" | "neutral"; reasonLabel?: string; explain?: (order: OrderDetail) => string }>> = {
  PAY: { tone: "primary", explain: (o) => `Pay ${formatMoney(o.totalMinor, o.currency)} by ${o.paymentMethodLabel} (simulated). You can still cancel at once for an hour afterwards.` },
  BUYER_CANCEL: { tone: "danger", reasonLabel: "Reason for cancelling", explain: refundPreviewText },
  REQUEST_CANCEL: {
    tone: "danger",
    reasonLabel: "Reason for cancelling",
    explain: () => "The seller is processing this order, so they decide. If they don't answer in time, the platform approves it. You can ask only once.",
  },
  WITHDRAW_CANCEL_REQUEST: { tone: "neutral", explain: () => "Withdrawing keeps the order. You cannot ask to cancel it again." },
  APPROVE_CANCEL_REQUEST: { tone: "danger", explain: (o) => `The order is cancelled and the buyer refunded ${formatMoney(o.totalMinor, o.currency)}. The stock comes back.` },
  REJECT_CANCEL_REQUEST: { tone: "neutral", reasonLabel: "Reason for rejecting", explain: () => "The order goes on; ship it before the dispatch deadline." },
  SELLER_CANCEL: {
    tone: "danger",
    reasonLabel: "Reason for cancelling",
    explain: () => "The buyer is refunded in full. Out of stock, pricing errors and undeliverable addresses count towards your seller-fault cancellation rate.",
  },
  ARRANGE_SHIPMENT: { tone: "primary", explain: () => "Print the label and pack the parcel; the carrier picks it up within 4 hours." },
  OPERATOR_CANCEL: { tone: "danger", reasonLabel: "Reason (operator)", explain: () => "Cancels the order for fraud or risk; the buyer is refunded in full. Not counted against the shop." },
};

function ActionsSection({ order, now }: { order: OrderDetail; now: Date }) {
  const actions = order.actions.filter((action) => action.relevant && (!action.enabled || FORMS[action.command]));
  if (actions.length === 0) return null;
  const instantUntil = order.deadlines.find((deadline) => deadline.kind === "REMORSE_WINDOW" || deadline.kind === "AUTO_APPROVE_WINDOW");
  return (
    <Card title="What you can do">
      <ul className="space-y-5">
        {actions.map((action) => {
          const form = FORMS[action.command];
          return (
            <li key={action.command}>
              {action.enabled && form ? (
                <div className="space-y-2">
                  <h3 className="font-medium">{action.label}</h3>
                  {action.command === "BUYER_CANCEL" && instantUntil ? (
                    <p className="text-sm text-stone-700">
                      Cancelling is instant for <Countdown dueAt={instantUntil.dueAt.toISOString()} serverNow={now.toISOString()} />; after that
                      the seller has to approve it.
                    </p>
                  ) : null}
                  <CommandForm
                    intent={action.command}
                    orderId={order.id}
                    version={order.version}
                    idempotencyKey={randomUUID()}
                    label={action.label}
                    explanation={form.explain?.(order)}
                    reasons={action.reasons}
                    reasonLabel={form.reasonLabel}
                    tone={form.tone}
                  />
                </div>
              ) : (
                <p className="text-sm text-stone-700">
                  <span className="font-medium">{action.label}:</span> {action.reason}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function CancelRequestSection({ order }: { order: OrderDetail }) {
  const request = order.cancelRequest;
  if (!request) return null;
  return (
    <Card title="Cancel request">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-stone-600">Status</dt>
        <dd>{request.statusLabel}</dd>
        <dt className="text-stone-600">Reason</dt>
        <dd>{request.reason}</dd>
        <dt className="text-stone-600">Asked</dt>
        <dd>{formatDateTime(request.requestedAt)}</dd>
        {request.respondBy ? (
          <>
            <dt className="text-stone-600">Answer by</dt>
            <dd>{formatDateTime(request.respondBy)}</dd>
          </>
        ) : null}
        {request.rejectReason ? (
          <>
            <dt className="text-stone-600">Rejected because</dt>
            <dd>{request.rejectReason}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

function refundPreviewText(order: OrderDetail): string {
  const preview = order.cancelPreview;
  if (!preview) return "Nothing has been paid yet, so there is nothing to refund.";
  const amount = formatMoney(preview.totalMinor, order.currency);
  return preview.instant
    ? `You will get a full refund of ${amount} to your ${preview.destinationLabel} at once.`
    : `You will get a full refund of ${amount} to your ${preview.destinationLabel}, expected by ${formatDay(preview.expectedArrivalAt)}.`;
}

function ItemsSection({ order, money }: { order: OrderDetail; money: (minor: number) => string }) {
  return (
    <Card title="Items">
      <table className="w-full text-sm">
        <caption className="sr-only">Items in order {order.code}</caption>
        <thead className="text-left text-xs uppercase text-stone-500">
          <tr>
            <th scope="col" className="py-1">Item</th>
            <th scope="col" className="py-1 text-right">Qty</th>
            <th scope="col" className="py-1 text-right">Price</th>
            <th scope="col" className="py-1 text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-t border-stone-100">
              <td className="py-1.5">{item.title}</td>
              <td className="py-1.5 text-right tabular-nums">{item.quantity}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.unitPriceMinor)}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.unitPriceMinor * item.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="tabular-nums">
          <tr className="border-t border-stone-200">
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-stone-600">Items</th>
            <td className="py-1 text-right">{money(order.itemsMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-stone-600">Shipping</th>
            <td className="py-1 text-right">{money(order.shippingFeeMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right">Total ({order.paidAt ? `paid by ${order.paymentMethodLabel}` : "not paid yet"})</th>
            <td className="py-1 text-right font-semibold">{money(order.totalMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}

function TimelineSection({ order }: { order: OrderDetail }) {
  return (
    <Card title="Timeline">
      <ol className="space-y-3 border-l border-stone-200 pl-4 text-sm">
        {order.timeline.map((event) => (
          <li key={event.id}>
            <p>{event.summary}</p>
            <p className="text-xs text-stone-500">
              {formatDateTime(event.at)} · {event.actor}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

const REFUND_STATUS: Record<string, string> = { PENDING: "On its way", ARRIVED: "Arrived", DELAYED: "Delayed" };

function RefundsSection({ order, money }: { order: OrderDetail; money: (minor: number) => string }) {
  if (order.refunds.length === 0) return null;
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
              {REFUND_STATUS[refund.status] ?? refund.status}
              {refund.arrivedAt ? ` on ${formatDay(refund.arrivedAt)}` : ` · expected by ${formatDay(refund.expectedArrivalAt)}`}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function DeadlinesSection({ order, now }: { order: OrderDetail; now: Date }) {
  if (order.deadlines.length === 0) return null;
  return (
    <Card title="Deadlines">
      <ul className="space-y-2 text-sm">
        {order.deadlines.map((deadline) => (
          <li key={deadline.key}>
            <p>{deadline.label}</p>
            <p className="text-stone-600">
              {formatDateTime(deadline.dueAt)} · <Countdown dueAt={deadline.dueAt.toISOString()} serverNow={now.toISOString()} />
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function MoneySection({ order, money }: { order: OrderDetail; money: (minor: number) => string }) {
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
