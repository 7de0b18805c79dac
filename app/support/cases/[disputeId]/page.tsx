import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionsSection } from "@/app/orders/[id]/_sections/actions-section";
import { Card, EvidenceLinks } from "@/app/orders/[id]/_sections/card";
import { CaseLinks } from "@/app/orders/[id]/_sections/disputes-section";
import { TimelineSection } from "@/app/orders/[id]/_sections/items-section";
import { MoneySection } from "@/app/orders/[id]/_sections/money-sections";
import { EvidenceGallery } from "@/components/evidence-gallery";
import { getI18n } from "@/lib/i18n/server";
import { ROLE_NOUNS, SUPPORT_QUEUE_LABELS } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { caseView } from "@/lib/server/support/case-view";
import { listTemplates } from "@/lib/server/support/templates";
import { CaseFacts } from "./_case-facts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.case"))("metaTitle") };
}

/** The commands support works a case with, in the order they come up. */
const CASEWORK = ["TAKE_DISPUTE", "ASK_FOR_INFORMATION", "DECIDE_DISPUTE", "DECIDE_REFUND_DISPUTE", "DECIDE_APPEAL"] as const;

/**
 * One dispute as support works it (issue 17, points 2–4): who has it, both sides side by side with
 * their evidence, what each decision would do, the forms to take, ask and decide, and around them the
 * conversation, the money, the rule, the deadline history and both parties' records.
 */
export default async function CasePage(props: { params: Promise<{ disputeId: string }> }) {
  const user = await requireUser("SUPPORT");
  const { disputeId } = await props.params;
  const now = await appNow();
  const [view, templates] = await Promise.all([caseView(user, disputeId, now), listTemplates(user)]);
  if (!view) notFound();
  const t = await getTranslations("support.case");
  const { f, render } = await getI18n();
  const { order, dispute } = view;
  const money = (minor: number) => f.money(minor, order.currency);
  const title = render(view.kind ? SUPPORT_QUEUE_LABELS[view.kind] : dispute.subjectLabel);
  const left = view.targetAt ? view.targetAt.getTime() - now.getTime() : null;
  const sides = (["BUYER", "SELLER"] as const).map((party) => ({
    party,
    statements: dispute.statements.filter((s) => s.party === party),
    photos: view.photos.filter((p) => p.party === party),
    opening:
      party === "BUYER"
        ? order.returnCase && dispute.subject === "CASE"
          ? order.returnCase.description
            ? t("openingRequestDescribed", { reason: render(order.returnCase.reason), description: order.returnCase.description })
            : t("openingRequest", { reason: render(order.returnCase.reason) })
          : dispute.subject === "CANCEL_REQUEST" && order.cancelRequest
            ? t("openingCancel", { reason: render(order.cancelRequest.reason) })
            : null
        : order.returnCase?.rejectReason && dispute.subject === "CASE"
          ? t("openingRejected", { reason: render(order.returnCase.rejectReason) })
          : dispute.subject === "CANCEL_REQUEST" && order.cancelRequest?.rejectReason
            ? t("openingRejected", { reason: render(order.cancelRequest.rejectReason) })
            : null,
  }));

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/support" className="text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("heading", { code: order.code, title })}</h1>
        <p className="text-stone-700">{t("facts", { shop: order.shopName, buyer: order.buyerName, total: money(order.totalMinor), rules: render(order.policyLabel) })}</p>
      </div>
      <section aria-label={t("statusRegion")} aria-live="polite" className="space-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <p>
          <strong>{render(dispute.statusLabel)}</strong>
          {left !== null ? (
            left <= 0 ? (
              <strong className="text-red-700"> · {t("overdueBy", { time: f.remaining(-left) })}</strong>
            ) : (
              ` · ${t("target", { at: f.dateTime(view.targetAt!), in: f.remaining(left) })}`
            )
          ) : null}
        </p>
        <p>
          {view.holder
            ? view.holder.id === user.id
              ? t("youHave", { since: f.dateTime(view.holder.at) })
              : t("theyHave", { name: view.holder.name, since: f.dateTime(view.holder.at) })
            : left !== null
              ? t("nobody")
              : null}
        </p>
        {dispute.infoRequest ? (
          <p>
            {t("asked", { party: render(ROLE_NOUNS[dispute.infoRequest.party]), at: f.dateTime(dispute.infoRequest.at), question: dispute.infoRequest.question })}{" "}
            {dispute.infoRequest.answeredAt ? t("answered", { at: f.dateTime(dispute.infoRequest.answeredAt) }) : t("answerBy", { at: f.dateTime(dispute.infoRequest.answerBy) })}
          </p>
        ) : null}
        {dispute.decision ? (
          <p>
            {t("decided", {
              party: render(ROLE_NOUNS[dispute.decision.outcome]),
              agent: view.agentNames[dispute.decision.agentId] ?? t("anAgent"),
              at: f.dateTime(dispute.decision.at),
              hasPartial: dispute.decision.amountMinor !== null ? "yes" : "no",
              amount: dispute.decision.amountMinor !== null ? money(dispute.decision.amountMinor) : "",
              rationale: dispute.decision.rationale,
            })}
          </p>
        ) : null}
        {dispute.appeal ? <p>{t("appealed", { at: f.dateTime(dispute.appeal.at), statement: dispute.appeal.statement })}</p> : null}
        <div className="pt-1">
          <CaseLinks disputeId={dispute.id} lead={{ href: `/orders/${order.id}`, label: t("orderPage") }} />
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card id="both-sides" title={t("bothSides")}>
            <div className="grid gap-6 md:grid-cols-2">
              {sides.map((side) => (
                <section key={side.party} aria-labelledby={`side-${side.party}`} className="min-w-0 space-y-3">
                  <h3 id={`side-${side.party}`} className="font-medium">
                    {side.party === "BUYER" ? t("theBuyer", { name: order.buyerName }) : t("theSeller", { name: order.shopName })}
                  </h3>
                  {side.opening ? <p className="text-sm text-stone-700">{side.opening}</p> : null}
                  {side.statements.length === 0 ? <p className="text-sm text-stone-600">{t("noStatement")}</p> : null}
                  <ol className="space-y-2 border-l border-stone-200 pl-3 text-sm">
                    {side.statements.map((statement, i) => (
                      <li key={i}>
                        <p>{statement.text}</p>
                        <p className="text-xs text-stone-500">{f.dateTime(statement.at)}</p>
                      </li>
                    ))}
                  </ol>
                  <EvidenceGallery
                    label={t("photosFrom", { party: render(ROLE_NOUNS[side.party]) })}
                    items={side.photos.map((photo, i) => ({
                      id: photo.id,
                      title: t("photoFrom", { n: i + 1, party: render(ROLE_NOUNS[side.party]) }),
                      caption: t("photoCaption", { by: photo.uploadedBy, at: f.dateTime(photo.at), context: render(photo.context) }),
                    }))}
                  />
                </section>
              ))}
            </div>
          </Card>
          {dispute.outcomes.length > 0 ? (
            <Card id="outcomes" title={t("outcomes")}>
              <ul className="grid gap-4 text-sm md:grid-cols-3">
                {dispute.outcomes.map((outcome) => (
                  <li key={outcome.label.key} className="rounded border border-stone-200 p-3">
                    <p className="font-medium">{render(outcome.label)}</p>
                    <ul className="mt-1 list-disc space-y-0.5 pl-4">
                      {outcome.effects.map((effect, i) => (
                        <li key={i}>{render(effect)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-stone-600">{t("outcomesNote")}</p>
            </Card>
          ) : null}
          <ActionsSection order={order} now={now} only={CASEWORK} templates={templates} title={t("work")} />
          <Card id="case-conversation" title={t("conversation")}>
            {view.conversation.length === 0 ? (
              <p className="text-sm text-stone-600">{t("noConversation")}</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {view.conversation.map((message) => (
                  <li key={message.id}>
                    <p>
                      <span className="font-medium">{t("author", { name: message.author, role: render(message.role) })}</span> {message.body}
                    </p>
                    <p className="text-xs text-stone-500">{f.dateTime(message.at)}</p>
                    <EvidenceLinks ids={message.photos} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <TimelineSection order={order} />
        </div>
        <div className="min-w-0 space-y-6">
          <MoneySection order={order} />
          <CaseFacts view={view} />
        </div>
      </div>
    </div>
  );
}
