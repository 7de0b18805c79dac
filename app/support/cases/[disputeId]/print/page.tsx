import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getI18n } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { caseRecord } from "@/lib/server/support/case-record";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.record"))("metaTitle") };
}

/** A dispute as a printable record (issue 17, point 6): the same content as its JSON export, in the viewer's language. */
export default async function CaseRecordPage(props: { params: Promise<{ disputeId: string }> }) {
  const user = await requireUser("SUPPORT");
  const { disputeId } = await props.params;
  const { f, render } = await getI18n();
  const t = await getTranslations("support.record");
  const record = await caseRecord(user, disputeId.slice(0, 200), await appNow(), render);
  if (!record) notFound();
  const { order, dispute } = record;
  const when = (iso: string) => f.dateTime(new Date(iso));
  const strong = (chunks: React.ReactNode) => <span className="font-medium">{chunks}</span>;
  return (
    <article className="max-w-3xl space-y-5 text-sm">
      <p className="flex gap-4 print:hidden">
        <Link href={`/orders/${order.id}`} className="text-brand-700 underline">
          {t("back", { code: order.code })}
        </Link>
        <a href={`/support/cases/${dispute.id}/record.json`} className="text-brand-700 underline">
          {t("json")}
        </a>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title", { code: order.code })}</h1>
        <p>
          {t("summary", {
            subject: dispute.subject,
            status: dispute.status,
            opened: when(dispute.openedAt),
            shop: order.shop,
            buyer: order.buyer,
            total: f.money(order.totalMinor, order.currency),
          })}
        </p>
        <p className="text-stone-600">{t("exported", { at: when(record.exportedAt) })}</p>
      </header>
      <section aria-labelledby="statements-heading" className="space-y-2">
        <h2 id="statements-heading" className="text-lg font-semibold">
          {t("statements")}
        </h2>
        <ol className="space-y-2">
          {dispute.statements.map((s, i) => (
            <li key={i} className="rounded border border-stone-200 bg-white p-3">
              <p>{t.rich("statement", { party: s.party, at: when(s.at), text: s.text, strong })}</p>
              {s.evidence.length > 0 ? <p className="text-stone-600">{t("photos", { ids: f.list(s.evidence) })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="evidence-heading" className="space-y-2">
        <h2 id="evidence-heading" className="text-lg font-semibold">
          {t("evidence")}
        </h2>
        {record.evidence.length === 0 ? (
          <p>{t("noPhotos")}</p>
        ) : (
          <table className="w-full text-left">
            <thead>
              <tr className="text-stone-600">
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("photo")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("from")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  SHA-256
                </th>
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
        <h2 id="decision-heading" className="text-lg font-semibold">
          {t("decision")}
        </h2>
        {dispute.decision ? (
          <p>
            {t("decided", {
              outcome: dispute.decision.outcome,
              partial: dispute.decision.amountMinor !== null ? "yes" : "no",
              amount: dispute.decision.amountMinor !== null ? f.money(dispute.decision.amountMinor, order.currency) : "",
              returnRequired: dispute.decision.returnRequired ? "yes" : "no",
              by: dispute.decision.decidedBy,
              at: when(dispute.decision.at),
              rationale: dispute.decision.rationale,
            })}
          </p>
        ) : (
          <p>{t("notDecided")}</p>
        )}
        {dispute.appeal ? (
          <p>
            {t("appeal", { at: when(dispute.appeal.at), statement: dispute.appeal.statement })}{" "}
            {dispute.appeal.outcome
              ? t("appealDecided", { outcome: dispute.appeal.outcome, by: dispute.appeal.decidedBy ?? t("support"), rationale: dispute.appeal.rationale ?? "" })
              : t("appealWaiting")}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="timeline-heading" className="space-y-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          {t("timeline")}
        </h2>
        <ol className="space-y-1">
          {record.timeline.map((entry, i) => (
            <li key={i}>
              <span className="text-stone-600">{when(entry.at)}</span> · {t("entry", { actor: entry.actor, summary: entry.summary })}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
