import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import { APPEAL_RESULT_LABELS, ROLE_NOUNS } from "@/lib/order";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card, EvidenceLinks } from "./card";

/** Every dispute on the order: both sides' statements with their photos, the decision and the appeal. */
export async function DisputesSection({ order, viewer }: { order: OrderDetail; /** Support sees the workbench, record and export links; a party sees support's question to it. */ viewer: "BUYER" | "SELLER" | "SUPPORT" }) {
  const support = viewer === "SUPPORT";
  if (order.disputes.length === 0) return null;
  const t = await getTranslations("order.disputes");
  const { f, render } = await getI18n();
  const money = (minor: number) => f.money(minor, order.currency);
  return (
    <Card id="disputes" title={t("title")}>
      <ul className="space-y-4 text-sm">
        {order.disputes.map((dispute) => (
          <li key={dispute.id} className="space-y-2">
            <p>
              <strong>{render(dispute.subjectLabel)}</strong> · {render(dispute.statusLabel)}
            </p>
            {dispute.infoRequest && !dispute.infoRequest.answeredAt && dispute.status === "OPEN" && (support || viewer === dispute.infoRequest.party) ? (
              <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2">
                {support
                  ? t("askedParty", { party: render(ROLE_NOUNS[dispute.infoRequest.party]), question: dispute.infoRequest.question, by: f.dateTime(dispute.infoRequest.answerBy) })
                  : t("askedYou", { question: dispute.infoRequest.question, by: f.dateTime(dispute.infoRequest.answerBy) })}
              </p>
            ) : null}
            {support ? <CaseLinks disputeId={dispute.id} lead={{ href: `/support/cases/${dispute.id}`, label: t("openInWorkbench") }} /> : null}
            <p className="text-stone-600">
              {dispute.supportTarget ? t("openedWithTarget", { opened: f.dateTime(dispute.openedAt), target: f.dateTime(dispute.supportTarget) }) : t("opened", { opened: f.dateTime(dispute.openedAt) })}
            </p>
            <ol className="space-y-2 border-l border-stone-200 pl-3">
              {dispute.statements.map((statement, i) => (
                <li key={i}>
                  <p>
                    <span className="font-medium">{t("statementBy", { party: render(statement.partyLabel) })}</span> {statement.text}
                  </p>
                  <p className="text-xs text-stone-500">{f.dateTime(statement.at)}</p>
                  <EvidenceLinks ids={statement.evidence} />
                </li>
              ))}
            </ol>
            {dispute.decision ? (
              <p>
                <span className="font-medium">{t("decision")}</span>{" "}
                {t("decisionText", {
                  party: render(ROLE_NOUNS[dispute.decision.outcome]),
                  hasPartial: dispute.decision.amountMinor !== null ? "yes" : "no",
                  amount: dispute.decision.amountMinor !== null ? money(dispute.decision.amountMinor) : "",
                  returnRequired: dispute.decision.returnRequired ? "yes" : "no",
                })}{" "}
                {dispute.decision.rationale}
              </p>
            ) : null}
            {dispute.appeal ? (
              <p>
                <span className="font-medium">{t("appeal")}</span> {dispute.appeal.statement}
                {dispute.appeal.outcome ? ` — ${t("appealResult", { result: render(APPEAL_RESULT_LABELS[dispute.appeal.outcome]), rationale: dispute.appeal.rationale ?? "" })}` : ` — ${t("appealWaiting")}`}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Support's links for one case: a lead link (the workbench, or the order page), the printable record and the JSON export. */
export async function CaseLinks({ disputeId, lead }: { disputeId: string; lead: { href: string; label: string } }) {
  const t = await getTranslations("order.disputes");
  return (
    <p className="flex flex-wrap gap-x-4">
      <Link href={lead.href} className="text-brand-700 underline">
        {lead.label}
      </Link>
      <Link href={`/support/cases/${disputeId}/print`} className="text-brand-700 underline">
        {t("printable")}
      </Link>
      <a href={`/support/cases/${disputeId}/record.json`} className="text-brand-700 underline">
        {t("exportJson")}
      </a>
    </p>
  );
}
