import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { CommandForm, type FieldSpec } from "@/components/command-form";
import { Countdown } from "@/components/countdown";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime, formatDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { RETURN_CARRIERS, SIMULATED_DEADLINES, describeDuration, policyFor } from "@/lib/order";
import { SimulatorButton } from "@/components/simulator-button";
import { appNow } from "@/lib/server/app-clock";
import { HOME_BY_ROLE, requireUser } from "@/lib/server/auth/session";
import { getOrderDetail, type OrderDetail } from "@/lib/server/orders/get-order";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await props.params;
  const now = await appNow();
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
          <CaseSection order={order} />
          <DisputesSection order={order} />
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

type Form = { tone: "danger" | "primary" | "neutral"; explain?: (order: OrderDetail, action: OrderDetail["actions"][number]) => string; fields?: (order: OrderDetail, action: OrderDetail["actions"][number]) => FieldSpec[] };

const reasonField = (label: string) => (_: OrderDetail, action: OrderDetail["actions"][number]): FieldSpec[] => [
  { kind: "select", name: "reasonKey", label, placeholder: "Choose a reason", options: (action.reasons ?? []).map((r) => ({ value: r.key, label: r.label })) },
];
const photosField: FieldSpec = { kind: "photos", name: "photos", label: "Photos (optional)", hint: "PNG, JPEG or WebP, up to 5 MB each, at most 6." };
const statementFields = (label: string): FieldSpec[] => [{ kind: "textarea", name: "statement", label }, photosField];
const openDispute = (order: OrderDetail, ...statuses: string[]) => order.disputes.find((d) => statuses.includes(d.status));
const money = (order: OrderDetail, minor: number) => formatMoney(minor, order.currency);
/** How long the order's policy gives for something, in words (help text never restates a rule's numbers). */
const within = (order: OrderDetail, key: "remorseWindow" | "carrierPickup" | "inspection" | "disputeFiling" | "offerAnswer") => describeDuration(policyFor(order.policyKey)[key]);

/** How each command looks on this page; an open command without an entry here has no form and is not listed. */
const FORMS: Partial<Record<string, Form>> = {
  PAY: {
    tone: "primary",
    explain: (o) => `Pay ${money(o, o.totalMinor)} by ${o.paymentMethodLabel} (simulated). You can still cancel at once for ${within(o, "remorseWindow")} afterwards.`,
  },
  BUYER_CANCEL: { tone: "danger", explain: refundPreviewText, fields: reasonField("Reason for cancelling") },
  REQUEST_CANCEL: {
    tone: "danger",
    explain: () => "The seller is processing this order, so they decide. If they don't answer in time, the platform approves it. You can ask only once.",
    fields: reasonField("Reason for cancelling"),
  },
  WITHDRAW_CANCEL_REQUEST: { tone: "neutral", explain: () => "Withdrawing keeps the order. You cannot ask to cancel it again." },
  APPROVE_CANCEL_REQUEST: { tone: "danger", explain: (o) => `The order is cancelled and the buyer refunded ${money(o, o.totalMinor)}. The stock comes back.` },
  REJECT_CANCEL_REQUEST: { tone: "neutral", explain: () => "The order goes on; ship it before the dispatch deadline.", fields: reasonField("Reason for rejecting") },
  SELLER_CANCEL: {
    tone: "danger",
    explain: (_, action) => {
      const sellerFault = (action.reasons ?? []).filter((reason) => reason.fault === "SELLER").map((reason) => `"${reason.label}"`);
      return `The buyer is refunded in full.${sellerFault.length ? ` ${sellerFault.join(", ")} count towards your seller-fault cancellation rate.` : ""}`;
    },
    fields: reasonField("Reason for cancelling"),
  },
  ARRANGE_SHIPMENT: { tone: "primary", explain: (o) => `Print the label and pack the parcel; the carrier picks it up within ${within(o, "carrierPickup")}.` },
  OPERATOR_CANCEL: { tone: "danger", explain: () => "Cancels the order for fraud or risk; the buyer is refunded in full. Not counted against the shop.", fields: reasonField("Reason (operator)") },
  REFUSE_PARCEL: {
    tone: "danger",
    explain: (o) =>
      `Refusing sends the parcel back to the seller. It is slower than a return: you are refunded only once the seller confirms the parcel is back (within ${within(o, "inspection")} of its arrival), the original shipping is not refunded and the return postage is deducted. If something goes wrong you may need to ask platform support.`,
  },
  REQUEST_RETURN: {
    tone: "primary",
    explain: (o) => `What you would get back: ${o.refundPreviews.map((p) => `${p.label}: ${money(o, p.totalMinor)} (${p.detail})`).join("; ")}.`,
    fields: (o, action) => [
      ...(o.status === "DELIVERED"
        ? [{ kind: "radio", name: "caseType", label: "What do you want?", options: [{ value: "REFUND_ONLY", label: "A refund, and keep the item" }, { value: "RETURN_AND_REFUND", label: "Return the item for a refund" }] } as FieldSpec]
        : [{ kind: "hidden", name: "caseType", value: "REFUND_ONLY" } as FieldSpec]),
      ...reasonField("What is wrong?")(o, action),
      { kind: "textarea", name: "description", label: "Describe the problem (optional)" },
      { ...photosField, label: "Photos", hint: "A refund without a return needs at least one photo. PNG, JPEG or WebP, up to 5 MB each, at most 6." },
    ],
  },
  WITHDRAW_RETURN: { tone: "neutral", explain: () => "Withdraw your request; the order goes on as it was." },
  ACCEPT_OFFER: { tone: "primary", explain: (o) => `You get ${money(o, o.returnCase?.offerMinor ?? 0)} back and keep the item.` },
  DECLINE_OFFER: { tone: "neutral", explain: () => "The seller then has to approve or reject your original request." },
  SHIP_RETURN: {
    tone: "primary",
    explain: (o) => `Send the item to: ${o.returnAddress || "the shop's return address"}.`,
    fields: () => [
      { kind: "select", name: "carrier", label: "Carrier", placeholder: "Choose the carrier", options: RETURN_CARRIERS.map((c) => ({ value: c, label: c })) },
      { kind: "text", name: "trackingNumber", label: "Tracking number", hint: "8 to 34 letters and digits, as printed on the receipt." },
    ],
  },
  APPROVE_RETURN: { tone: "primary", explain: (o) => (o.returnCase?.type === "RETURN_AND_REFUND" ? "The buyer ships the item back; you inspect it when it arrives." : "The buyer is refunded now and keeps the item.") },
  REJECT_RETURN: { tone: "danger", explain: (o) => `The buyer may ask platform support to decide within ${within(o, "disputeFiling")}.`, fields: reasonField("Reason for rejecting") },
  OFFER_PARTIAL_REFUND: {
    tone: "neutral",
    explain: (o) => `Offer part of the money instead; the buyer keeps the item. They have ${within(o, "offerAnswer")} to answer. You can offer only once.`,
    fields: () => [{ kind: "money", name: "amount", label: "Amount to offer (USD)", hint: "For example 12.50." }],
  },
  ACCEPT_RETURNED_PARCEL: { tone: "primary", explain: () => "The buyer is refunded and the item goes back into stock." },
  REJECT_RETURNED_PARCEL: {
    tone: "danger",
    explain: (o) => `Show what you received. The buyer may ask platform support to decide within ${within(o, "disputeFiling")}.`,
    fields: (o, action) => [...reasonField("Reason for rejecting")(o, action), { ...photosField, label: "Photos of what you received" }],
  },
  CONFIRM_REFUSED_PARCEL: { tone: "primary", explain: () => "The buyer is refunded the item price, less the return postage." },
  ESCALATE: {
    tone: "neutral",
    explain: () => "Platform support reads both sides and the whole history, and decides.",
    fields: (o) => [
      { kind: "select", name: "subject", label: "What should support decide?", placeholder: "Choose one", options: o.escalateOptions },
      ...statementFields("Your statement"),
    ],
  },
  ADD_DISPUTE_STATEMENT: {
    tone: "neutral",
    fields: (o) => [{ kind: "hidden", name: "disputeId", value: openDispute(o, "OPEN")?.id ?? "" }, ...statementFields("Your statement")],
  },
  DECIDE_DISPUTE: {
    tone: "primary",
    fields: (o) => [
      { kind: "hidden", name: "disputeId", value: o.disputes.find((d) => d.status === "OPEN" && d.subject !== "REFUND")?.id ?? "" },
      { kind: "radio", name: "outcome", label: "Decision", options: [{ value: "BUYER", label: "For the buyer" }, { value: "SELLER", label: "For the seller" }] },
      { kind: "money", name: "amount", label: "Partial amount (leave empty for a full refund)" },
      { kind: "checkbox", name: "returnRequired", label: "The buyer must return the item first" },
      { kind: "textarea", name: "rationale", label: "Rationale (both parties read it)" },
    ],
  },
  DECIDE_REFUND_DISPUTE: {
    tone: "primary",
    fields: (o) => [
      { kind: "hidden", name: "disputeId", value: o.disputes.find((d) => d.status === "OPEN" && d.subject === "REFUND")?.id ?? "" },
      { kind: "radio", name: "outcome", label: "Decision", options: [{ value: "BUYER", label: "Pay it to the buyer's platform wallet" }, { value: "SELLER", label: "Dismiss" }] },
      { kind: "textarea", name: "rationale", label: "Rationale" },
    ],
  },
  APPEAL_DECISION: {
    tone: "neutral",
    explain: () => "Another platform support agent reviews the decision. If you win after the buyer was refunded, the platform compensates you.",
    fields: (o) => [{ kind: "hidden", name: "disputeId", value: openDispute(o, "DECIDED_FOR_BUYER")?.id ?? "" }, { kind: "textarea", name: "statement", label: "Why the decision is wrong" }],
  },
  DECIDE_APPEAL: {
    tone: "primary",
    fields: (o) => [
      { kind: "hidden", name: "disputeId", value: openDispute(o, "APPEALED")?.id ?? "" },
      { kind: "radio", name: "outcome", label: "Appeal", options: [{ value: "UPHOLD", label: "Uphold the decision" }, { value: "OVERTURN", label: "Overturn it (for the seller)" }] },
      { kind: "textarea", name: "rationale", label: "Rationale" },
    ],
  },
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
                    explanation={form.explain?.(order, action)}
                    fields={form.fields?.(order, action)}
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

function EvidenceLinks({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <ul aria-label="Photos" className="flex flex-wrap gap-2">
      {ids.map((id, i) => (
        <li key={id}>
          <a href={`/evidence/${id}`} target="_blank" rel="noreferrer" className="text-sm text-brand-700 underline">
            Photo {i + 1}
          </a>
        </li>
      ))}
    </ul>
  );
}

function CaseSection({ order }: { order: OrderDetail }) {
  const c = order.returnCase;
  if (!c) return null;
  const rows: [string, string | null][] = [
    ["Type", c.typeLabel],
    ["Status", c.statusLabel],
    ["Reason", c.reason],
    ["Description", c.description || null],
    ["Partial offer", c.offerMinor !== null ? money(order, c.offerMinor) : null],
    ["Return parcel", c.carrier ? `${c.carrier} ${c.trackingNumber}` : null],
    ["Rejected because", c.rejectReason],
    ["Refunded", c.refundMinor !== null ? money(order, c.refundMinor) : null],
  ];
  return (
    <Card title="Refund or return">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <EvidenceLinks ids={c.evidence} />
    </Card>
  );
}

function DisputesSection({ order }: { order: OrderDetail }) {
  if (order.disputes.length === 0) return null;
  return (
    <Card title="Disputes">
      <ul className="space-y-4 text-sm">
        {order.disputes.map((dispute) => (
          <li key={dispute.id} className="space-y-2">
            <p>
              <strong>{dispute.subjectLabel}</strong> · {dispute.statusLabel}
            </p>
            <p className="text-stone-600">
              Opened {formatDateTime(dispute.openedAt)}
              {dispute.supportTarget ? ` · support aims to decide by ${formatDateTime(dispute.supportTarget)}` : ""}
            </p>
            <ol className="space-y-2 border-l border-stone-200 pl-3">
              {dispute.statements.map((statement, i) => (
                <li key={i}>
                  <p>
                    <span className="font-medium">{statement.party}:</span> {statement.text}
                  </p>
                  <p className="text-xs text-stone-500">{formatDateTime(statement.at)}</p>
                  <EvidenceLinks ids={statement.evidence} />
                </li>
              ))}
            </ol>
            {dispute.decision ? (
              <p>
                <span className="font-medium">Decision:</span> for the {dispute.decision.outcome.toLowerCase()}
                {dispute.decision.amountMinor !== null ? ` (partial, ${money(order, dispute.decision.amountMinor)})` : ""}
                {dispute.decision.returnRequired ? ", return required" : ""}. {dispute.decision.rationale}
              </p>
            ) : null}
            {dispute.appeal ? (
              <p>
                <span className="font-medium">Appeal:</span> {dispute.appeal.statement}
                {dispute.appeal.outcome ? ` — ${dispute.appeal.outcome === "OVERTURNED" ? "granted" : "rejected"}: ${dispute.appeal.rationale}` : " — waiting for another agent"}
              </p>
            ) : null}
          </li>
        ))}
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

const REFUND_STATUS: Record<string, string> = { PENDING: "On its way", ARRIVED: "Arrived", DELAYED: "Delayed by the payment network", OVERDUE: "Overdue", REISSUED: "Paid to the platform wallet instead" };

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
            {refund.status === "PENDING" ? (
              <SimulatorButton action="simulate" fields={{ type: "DELAY_REFUND", orderId: order.id, refundKey: refund.key }} label="Payment network: delay this refund" />
            ) : null}
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
      <ul className="space-y-3 text-sm">
        {order.deadlines.map((deadline) => (
          <li key={deadline.key} className="space-y-1">
            <p>{deadline.label}</p>
            <p className="text-stone-600">
              {formatDateTime(deadline.dueAt)} · <Countdown dueAt={deadline.dueAt.toISOString()} serverNow={now.toISOString()} />
            </p>
            <div className="flex flex-wrap gap-2">
              <SimulatorButton action="jump" fields={{ by: "DEADLINE", orderId: order.id, key: deadline.key }} label="Jump the clock here" />
              {SIMULATED_DEADLINES.includes(deadline.kind) ? (
                <SimulatorButton action="simulate" fields={{ type: "HURRY_SIMULATION", orderId: order.id, deadline: deadline.key }} label={HURRY_LABELS[deadline.kind] ?? "Make it happen now"} />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const HURRY_LABELS: Partial<Record<string, string>> = {
  CARRIER_PICKUP: "Carrier: pick up now",
  DELIVERY: "Carrier: deliver now",
  RETURN_TRANSIT: "Carrier: returned parcel arrives now",
  REFUSED_PARCEL_TRANSIT: "Carrier: refused parcel arrives now",
  REFUND_ARRIVAL: "Payment network: refund arrives now",
};

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
