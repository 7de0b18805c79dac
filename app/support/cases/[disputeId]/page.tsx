import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionsSection } from "@/app/orders/[id]/_sections/actions-section";
import { Card, EvidenceLinks } from "@/app/orders/[id]/_sections/card";
import { CaseLinks } from "@/app/orders/[id]/_sections/disputes-section";
import { TimelineSection } from "@/app/orders/[id]/_sections/items-section";
import { MoneySection } from "@/app/orders/[id]/_sections/money-sections";
import { EvidenceGallery } from "@/components/evidence-gallery";
import { formatDateTime, formatRemaining } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { ROLE_LABELS, SUPPORT_QUEUE_LABELS } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { caseView } from "@/lib/server/support/case-view";
import { listTemplates } from "@/lib/server/support/templates";
import { CaseFacts } from "./_case-facts";

export const metadata: Metadata = { title: "Case" };

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
  const { order, dispute } = view;
  const money = (minor: number) => formatMoney(minor, order.currency);
  const title = view.kind ? SUPPORT_QUEUE_LABELS[view.kind] : dispute.subjectLabel;
  const left = view.targetAt ? view.targetAt.getTime() - now.getTime() : null;
  const sides = (["BUYER", "SELLER"] as const).map((party) => ({
    party,
    statements: dispute.statements.filter((s) => s.party === party),
    photos: view.photos.filter((p) => p.party === party),
    opening:
      party === "BUYER"
        ? (order.returnCase && dispute.subject === "CASE" ? `Request: ${order.returnCase.reason}${order.returnCase.description ? ` — "${order.returnCase.description}"` : ""}` : dispute.subject === "CANCEL_REQUEST" && order.cancelRequest ? `Cancel request: ${order.cancelRequest.reason}` : null)
        : (order.returnCase?.rejectReason && dispute.subject === "CASE" ? `Rejected: ${order.returnCase.rejectReason}` : dispute.subject === "CANCEL_REQUEST" && order.cancelRequest?.rejectReason ? `Rejected: ${order.cancelRequest.rejectReason}` : null),
  }));

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/support" className="text-brand-700 hover:underline">
          ← Dispute queue
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">
          Order {order.code}: {title}
        </h1>
        <p className="text-stone-700">
          {order.shopName} · bought by {order.buyerName} · {money(order.totalMinor)} · {order.policyLabel} rules
        </p>
      </div>
      <section aria-label="Case status" aria-live="polite" className="space-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <p>
          <strong>{dispute.statusLabel}</strong>
          {left !== null ? (left <= 0 ? <strong className="text-red-700"> · overdue by {formatRemaining(-left)}</strong> : ` · support aims to decide by ${formatDateTime(view.targetAt!)} (in ${formatRemaining(left)})`) : null}
        </p>
        <p>{view.holder ? (view.holder.id === user.id ? `You have this case (since ${formatDateTime(view.holder.at)}).` : `${view.holder.name} has this case (since ${formatDateTime(view.holder.at)}).`) : left !== null ? "Nobody has taken this case yet." : null}</p>
        {dispute.infoRequest ? (
          <p>
            Asked the {dispute.infoRequest.party.toLowerCase()} on {formatDateTime(dispute.infoRequest.at)}: &ldquo;{dispute.infoRequest.question}&rdquo;{" "}
            {dispute.infoRequest.answeredAt ? `Answered ${formatDateTime(dispute.infoRequest.answeredAt)}.` : `Answer asked by ${formatDateTime(dispute.infoRequest.answerBy)}.`}
          </p>
        ) : null}
        {dispute.decision ? (
          <p>
            Decided for the {ROLE_LABELS[dispute.decision.outcome].toLowerCase()} by {view.agentNames[dispute.decision.agentId] ?? "an agent"} on {formatDateTime(dispute.decision.at)}
            {dispute.decision.amountMinor !== null ? ` (partial, ${money(dispute.decision.amountMinor)})` : ""}: {dispute.decision.rationale}
          </p>
        ) : null}
        {dispute.appeal ? <p>The seller appealed on {formatDateTime(dispute.appeal.at)}: &ldquo;{dispute.appeal.statement}&rdquo;</p> : null}
        <div className="pt-1">
          <CaseLinks disputeId={dispute.id} lead={{ href: `/orders/${order.id}`, label: "The order page" }} />
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Both sides">
            <div className="grid gap-6 md:grid-cols-2">
              {sides.map((side) => (
                <section key={side.party} aria-labelledby={`side-${side.party}`} className="min-w-0 space-y-3">
                  <h3 id={`side-${side.party}`} className="font-medium">
                    {side.party === "BUYER" ? `The buyer, ${order.buyerName}` : `The seller, ${order.shopName}`}
                  </h3>
                  {side.opening ? <p className="text-sm text-stone-700">{side.opening}</p> : null}
                  {side.statements.length === 0 ? <p className="text-sm text-stone-600">No statement yet.</p> : null}
                  <ol className="space-y-2 border-l border-stone-200 pl-3 text-sm">
                    {side.statements.map((statement, i) => (
                      <li key={i}>
                        <p>{statement.text}</p>
                        <p className="text-xs text-stone-500">{formatDateTime(statement.at)}</p>
                      </li>
                    ))}
                  </ol>
                  <EvidenceGallery
                    label={`Photos from the ${side.party.toLowerCase()}`}
                    items={side.photos.map((photo, i) => ({ id: photo.id, title: `Photo ${i + 1} from the ${side.party.toLowerCase()}`, caption: `${photo.uploadedBy}, ${formatDateTime(photo.at)} · ${photo.context}` }))}
                  />
                </section>
              ))}
            </div>
          </Card>
          {dispute.outcomes.length > 0 ? (
            <Card title="What each decision does">
              <ul className="grid gap-4 text-sm md:grid-cols-3">
                {dispute.outcomes.map((outcome) => (
                  <li key={outcome.label} className="rounded border border-stone-200 p-3">
                    <p className="font-medium">{outcome.label}</p>
                    <ul className="mt-1 list-disc space-y-0.5 pl-4">
                      {outcome.effects.map((effect) => (
                        <li key={effect}>{effect}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-stone-600">The engine&apos;s own preview, on the order as it is now. A partial amount refunds that much instead, with no return.</p>
            </Card>
          ) : null}
          <ActionsSection order={order} now={now} only={CASEWORK} templates={templates} title="Work this case" />
          <Card title="Conversation between the buyer and the shop">
            {view.conversation.length === 0 ? (
              <p className="text-sm text-stone-600">They have not written to each other on this order.</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {view.conversation.map((message) => (
                  <li key={message.id}>
                    <p>
                      <span className="font-medium">
                        {message.author} ({message.role}):
                      </span>{" "}
                      {message.body}
                    </p>
                    <p className="text-xs text-stone-500">{formatDateTime(message.at)}</p>
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
