import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { APPEAL_RESULT_LABELS, ROLE_LABELS } from "@/lib/order";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card, EvidenceLinks } from "./card";

/** Every dispute on the order: both sides' statements with their photos, the decision and the appeal. */
export function DisputesSection({ order, viewer }: { order: OrderDetail; /** Support sees the workbench, record and export links; a party sees support's question to it. */ viewer: "BUYER" | "SELLER" | "SUPPORT" }) {
  const support = viewer === "SUPPORT";
  if (order.disputes.length === 0) return null;
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <Card title="Disputes">
      <ul className="space-y-4 text-sm">
        {order.disputes.map((dispute) => (
          <li key={dispute.id} className="space-y-2">
            <p>
              <strong>{dispute.subjectLabel}</strong> · {dispute.statusLabel}
            </p>
            {dispute.infoRequest && !dispute.infoRequest.answeredAt && dispute.status === "OPEN" && (support || viewer === dispute.infoRequest.party) ? (
              <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2">
                Platform support asks {support ? `the ${dispute.infoRequest.party.toLowerCase()}` : "you"}: &ldquo;{dispute.infoRequest.question}&rdquo; {support ? "Answer asked" : "Please answer with a statement"} by{" "}
                {formatDateTime(dispute.infoRequest.answerBy)}.
              </p>
            ) : null}
            {support ? (
              <CaseLinks disputeId={dispute.id} lead={{ href: `/support/cases/${dispute.id}`, label: "Open in the workbench" }} />
            ) : null}
            <p className="text-stone-600">
              Opened {formatDateTime(dispute.openedAt)}
              {dispute.supportTarget ? ` · support aims to decide by ${formatDateTime(dispute.supportTarget)}` : ""}
            </p>
            <ol className="space-y-2 border-l border-stone-200 pl-3">
              {dispute.statements.map((statement, i) => (
                <li key={i}>
                  <p>
                    <span className="font-medium">{statement.partyLabel}:</span> {statement.text}
                  </p>
                  <p className="text-xs text-stone-500">{formatDateTime(statement.at)}</p>
                  <EvidenceLinks ids={statement.evidence} />
                </li>
              ))}
            </ol>
            {dispute.decision ? (
              <p>
                <span className="font-medium">Decision:</span> for the {ROLE_LABELS[dispute.decision.outcome].toLowerCase()}
                {dispute.decision.amountMinor !== null ? ` (partial, ${money(dispute.decision.amountMinor)})` : ""}
                {dispute.decision.returnRequired ? ", return required" : ""}. {dispute.decision.rationale}
              </p>
            ) : null}
            {dispute.appeal ? (
              <p>
                <span className="font-medium">Appeal:</span> {dispute.appeal.statement}
                {dispute.appeal.outcome ? ` — ${APPEAL_RESULT_LABELS[dispute.appeal.outcome]}: ${dispute.appeal.rationale}` : " — waiting for another agent"}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Support's links for one case: a lead link (the workbench, or the order page), the printable record and the JSON export. */
export function CaseLinks({ disputeId, lead }: { disputeId: string; lead: { href: string; label: string } }) {
  return (
    <p className="flex flex-wrap gap-x-4">
      <Link href={lead.href} className="text-brand-700 underline">
        {lead.label}
      </Link>
      <Link href={`/support/cases/${disputeId}/print`} className="text-brand-700 underline">
        Printable case record
      </Link>
      <a href={`/support/cases/${disputeId}/record.json`} className="text-brand-700 underline">
        Export the case as JSON
      </a>
    </p>
  );
}
