import { Card } from "@/app/orders/[id]/_sections/card";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { RULE_INDEX, SUPPORT_QUEUE_RULES } from "@/lib/order";
import type { CaseView } from "@/lib/server/support/case-view";

const share = (part: number, whole: number) => (whole === 0 ? "" : ` (${Math.round((part / whole) * 100)}%)`);

/** The case's right-hand column: what is still refundable, the rule, the deadline history and both parties' records. */
export function CaseFacts({ view }: { view: CaseView }) {
  const { dispute, order, signals } = view;
  const rules = (view.kind ? SUPPORT_QUEUE_RULES[view.kind] : []).flatMap((id) => RULE_INDEX.filter((rule) => rule.id === id));
  return (
    <>
      {dispute.refundableMinor !== null ? (
        <Card title="Still refundable">
          <p className="text-sm">
            At most <strong>{formatMoney(dispute.refundableMinor, order.currency)}</strong> on this case: a partial amount above it is refused.
          </p>
        </Card>
      ) : null}
      <Card title="The rule that applies">
        <ul className="list-disc space-y-1 pl-4 text-sm">
          {rules.map((rule) => (
            <li key={rule.id}>
              {rule.sentence} <span className="text-xs text-stone-500">({rule.id})</span>
            </li>
          ))}
          <li>
            {order.policyLabel} rules: the seller may appeal a decision for the buyer within {order.durations.appealWindow}.
          </li>
        </ul>
      </Card>
      <Card title="Deadline history">
        <ol className="space-y-2 text-sm">
          {view.deadlines.map((deadline, i) => (
            <li key={i}>
              <p>
                {deadline.label} {formatDateTime(deadline.dueAt)}
              </p>
              <p className={`text-xs ${deadline.late ? "font-medium text-red-700" : "text-stone-600"}`}>{deadline.verdict}</p>
            </li>
          ))}
        </ol>
      </Card>
      <Card title="Records">
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="font-medium">The buyer, {order.buyerName}</dt>
            <dd>
              {signals.buyerOrders} order{signals.buyerOrders === 1 ? "" : "s"}, {signals.buyerRequests} refund or return request{signals.buyerRequests === 1 ? "" : "s"}
              {share(signals.buyerRequests, signals.buyerOrders)}, {signals.buyerDisputes} dispute{signals.buyerDisputes === 1 ? "" : "s"} ({signals.buyerWon} decided for them)
            </dd>
          </div>
          <div>
            <dt className="font-medium">The shop, {order.shopName}</dt>
            <dd>
              {signals.shopOrders} order{signals.shopOrders === 1 ? "" : "s"}, {signals.shopDisputes} dispute{signals.shopDisputes === 1 ? "" : "s"}{share(signals.shopDisputes, signals.shopOrders)}: {signals.shopLost} lost,{" "}
              {signals.shopWon} won
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-stone-500">This case included. Counted in this world up to now.</p>
      </Card>
    </>
  );
}
