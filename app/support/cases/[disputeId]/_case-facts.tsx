import { getTranslations } from "next-intl/server";
import { Card } from "@/app/orders/[id]/_sections/card";
import { getI18n } from "@/lib/i18n/server";
import { RULE_INDEX, SUPPORT_QUEUE_RULES } from "@/lib/order";
import { ruleSentence } from "@/lib/i18n/rules";
import type { CaseView } from "@/lib/server/support/case-view";

/** The case's right-hand column: what is still refundable, the rule, the deadline history and both parties' records. */
export async function CaseFacts({ view }: { view: CaseView }) {
  const { dispute, order, signals } = view;
  const t = await getTranslations("support.facts");
  const { f, render, locale } = await getI18n();
  const share = (part: number, whole: number) => (whole === 0 ? "" : ` (${f.percent(part / whole, 0)})`);
  const rules = (view.kind ? SUPPORT_QUEUE_RULES[view.kind] : []).flatMap((id) => RULE_INDEX.filter((rule) => rule.id === id));
  return (
    <>
      {dispute.refundableMinor !== null ? (
        <Card id="refundable" title={t("refundable")}>
          <p className="text-sm">{t.rich("refundableText", { amount: f.money(dispute.refundableMinor, order.currency), strong: (chunks) => <strong>{chunks}</strong> })}</p>
        </Card>
      ) : null}
      <Card id="rule" title={t("rule")}>
        <ul className="list-disc space-y-1 pl-4 text-sm">
          {rules.map((rule) => (
            <li key={rule.id}>
              {ruleSentence(rule, locale)} <span className="text-xs text-stone-500">({rule.id})</span>
            </li>
          ))}
          <li>{t("appealRule", { rules: render(order.policyLabel), within: render(order.durations.appealWindow) })}</li>
        </ul>
      </Card>
      <Card id="deadline-history" title={t("deadlines")}>
        <ol className="space-y-2 text-sm">
          {view.deadlines.map((deadline, i) => (
            <li key={i}>
              <p>
                {render(deadline.label)} {f.dateTime(deadline.dueAt)}
              </p>
              <p className={`text-xs ${deadline.late ? "font-medium text-red-700" : "text-stone-600"}`}>{render(deadline.verdict)}</p>
            </li>
          ))}
        </ol>
      </Card>
      <Card id="records" title={t("records")}>
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="font-medium">{t("theBuyer", { name: order.buyerName })}</dt>
            <dd>{t("buyerRecord", { orders: signals.buyerOrders, requests: signals.buyerRequests, share: share(signals.buyerRequests, signals.buyerOrders), disputes: signals.buyerDisputes, won: signals.buyerWon })}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("theShop", { name: order.shopName })}</dt>
            <dd>{t("shopRecord", { orders: signals.shopOrders, disputes: signals.shopDisputes, share: share(signals.shopDisputes, signals.shopOrders), lost: signals.shopLost, won: signals.shopWon })}</dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-stone-500">{t("recordsNote")}</p>
      </Card>
    </>
  );
}
