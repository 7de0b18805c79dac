import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { caseRecord } from "@/lib/server/support/case-record";

export const metadata: Metadata = { title: "Case record" };

const when = (iso: string) => formatDateTime(new Date(iso));

/** A dispute as a printable record (issue 17, point 6): the same content as its JSON export. */
export default async function CaseRecordPage(props: { params: Promise<{ disputeId: string }> }) {
  const user = await requireUser("SUPPORT");
  const { disputeId } = await props.params;
  const record = await caseRecord(user, disputeId.slice(0, 200), await appNow());
  if (!record) notFound();
  const { order, dispute } = record;
  return (
    <article className="max-w-3xl space-y-5 text-sm">
      <p className="flex gap-4 print:hidden">
        <Link href={`/orders/${order.id}`} className="text-brand-700 underline">
          Back to order {order.code}
        </Link>
        <a href={`/support/cases/${dispute.id}/record.json`} className="text-brand-700 underline">
          Download as JSON
        </a>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Case record: order {order.code}</h1>
        <p>
          {dispute.subject} · {dispute.status}. Opened {when(dispute.openedAt)}. {order.shop}; buyer {order.buyer}; order total {formatMoney(order.totalMinor, order.currency)}.
        </p>
        <p className="text-stone-600">Exported {when(record.exportedAt)} (app time).</p>
      </header>
      <section aria-labelledby="statements-heading" className="space-y-2">
        <h2 id="statements-heading" className="text-lg font-semibold">Statements</h2>
        <ol className="space-y-2">
          {dispute.statements.map((s, i) => (
            <li key={i} className="rounded border border-stone-200 bg-white p-3">
              <p>
                <span className="font-medium">{s.party}</span>, {when(s.at)}: {s.text}
              </p>
              {s.evidence.length > 0 ? <p className="text-stone-600">Photos: {s.evidence.join(", ")}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="evidence-heading" className="space-y-2">
        <h2 id="evidence-heading" className="text-lg font-semibold">Evidence</h2>
        {record.evidence.length === 0 ? (
          <p>No photos.</p>
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr className="text-stone-600">
                <th scope="col" className="py-1 pr-3 font-medium">Photo</th>
                <th scope="col" className="py-1 pr-3 font-medium">From</th>
                <th scope="col" className="py-1 pr-3 font-medium">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {record.evidence.map((e) => (
                <tr key={e.id} className="border-t border-stone-100 align-top">
                  <td className="py-1 pr-3">
                    {e.id}
                    <span className="block text-stone-600">{when(e.at)}</span>
                  </td>
                  <td className="py-1 pr-3">{e.from}</td>
                  <td className="py-1 font-mono text-xs break-all">{e.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="decision-heading" className="space-y-2">
        <h2 id="decision-heading" className="text-lg font-semibold">Decision</h2>
        {dispute.decision ? (
          <p>
            For the {dispute.decision.outcome === "BUYER" ? "buyer" : "seller"}
            {dispute.decision.amountMinor !== null ? ` (partial, ${formatMoney(dispute.decision.amountMinor, order.currency)})` : ""}
            {dispute.decision.returnRequired ? ", return required" : ""}, by {dispute.decision.decidedBy}, {when(dispute.decision.at)}. Rationale: {dispute.decision.rationale}
          </p>
        ) : (
          <p>Not decided yet.</p>
        )}
        {dispute.appeal ? (
          <p>
            Appeal, {when(dispute.appeal.at)}: {dispute.appeal.statement}
            {dispute.appeal.outcome ? ` ${dispute.appeal.outcome === "OVERTURNED" ? "Overturned" : "Upheld"} by ${dispute.appeal.decidedBy ?? "support"}. Rationale: ${dispute.appeal.rationale ?? ""}` : " Waiting for another agent."}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="timeline-heading" className="space-y-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">The order&apos;s timeline</h2>
        <ol className="space-y-1">
          {record.timeline.map((t, i) => (
            <li key={i}>
              <span className="text-stone-600">{when(t.at)}</span> · {t.actor}: {t.summary}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
