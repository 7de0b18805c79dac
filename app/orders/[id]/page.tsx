import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/status-badge";
import { getI18n } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";
import { HOME_BY_ROLE, requireUser } from "@/lib/server/auth/session";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { ViewAs } from "@/components/persona-switch";
import { listPersonas } from "@/lib/server/auth/personas";
import { listTemplates } from "@/lib/server/support/templates";
import { currentWorld } from "@/lib/server/worlds/current-world";
import { getConversation } from "@/lib/server/conversations/conversation";
import { ActionsSection } from "./_sections/actions-section";
import { ConversationSection } from "./_sections/conversation-section";
import { DisputesSection } from "./_sections/disputes-section";
import { ItemsSection, TimelineSection } from "./_sections/items-section";
import { DeadlinesSection, MoneySection, RefundsSection } from "./_sections/money-sections";
import { WhereSection } from "./_sections/where-section";
import { ScenarioSection } from "./_sections/scenario-section";
import { runOfOrder } from "@/lib/server/scenarios/runs";
import { stepPersonas } from "@/lib/scenarios/scenarios";
import { CancelRequestSection, CaseSection } from "./_sections/request-sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("order");
  return { title: t("metaTitle") };
}

/** One order as this person may see it: what they can do (the engine says), its requests and disputes, its money and deadlines. */
export default async function OrderPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await props.params;
  const now = await appNow();
  const world = await currentWorld();
  const [order, templates, conversation] = await Promise.all([getOrderDetail(user, id, now), listTemplates(user), getConversation(user, id)]);
  // Someone else's order looks exactly like one that does not exist.
  if (!order || !conversation) notFound();
  const t = await getTranslations("order");
  const { f, render, param } = await getI18n();
  const note = render(order.statusNote);
  // "View as …": this order's buyer, its shop's seller and the world's first support agent, other than the viewer's role.
  const personas = await listPersonas(world.id);
  const viewAs = (
    [
      ["BUYER", personas.find((p) => p.id === order.buyerId)],
      ["SELLER", personas.find((p) => p.role === "SELLER" && p.shopId === order.shopId)],
      ["SUPPORT", personas.find((p) => p.role === "SUPPORT")],
    ] as const
  ).flatMap(([role, persona]) => (persona && role !== user.role ? [{ role, persona }] : []));
  // The checklist, when a scenario made this order (issue 30).
  const run = await runOfOrder(world.id, order.id);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={HOME_BY_ROLE[user.role]} className="text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("heading", { code: order.code })}</h1>
        <StatusBadge status={order.status} />
      </div>
      <ViewAs orderId={order.id} parties={viewAs} />
      <section aria-label={t("statusRegion")} aria-live="polite" className="rounded-lg border border-stone-200 bg-white p-4">
        <p>
          <span className="text-stone-600">{t("status")} </span>
          <strong>{render(order.statusLabel)}</strong>
          {note ? ` · ${note}` : ""}
        </p>
        <p className="text-sm text-stone-600">
          {t("facts", { shop: order.shopName, buyer: order.buyerName, placed: f.dateTime(order.placedAt), rules: render(order.policyLabel) })}
        </p>
        {order.estimatedDelivery ? <p className="mt-1 text-sm">{t("estimatedDelivery", { by: param(order.estimatedDelivery) })}</p> : null}
        {order.cancellation ? (
          <p className="mt-2 text-sm">
            {t("cancelled", {
              by: render(order.cancellation.by),
              hasDate: order.cancellation.at ? "yes" : "no",
              at: order.cancellation.at ? f.dateTime(order.cancellation.at) : "",
              reason: render(order.cancellation.reason),
              fault: order.cancellation.sellerFault ? "seller" : "other",
            })}
          </p>
        ) : null}
      </section>

      <div className="grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
        {run ? (
          <div className="min-w-0 lg:col-start-3 lg:row-start-1">
            <ScenarioSection run={run} personas={stepPersonas(run.scenario, world.id, personas)} user={user} deadlines={order.deadlines} canMoveClock={world.clock.allowed} />
          </div>
        ) : null}
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:row-span-2 lg:row-start-1">
          <ActionsSection order={order} now={now} templates={templates} />
          <CancelRequestSection order={order} />
          <CaseSection order={order} />
          <DisputesSection order={order} viewer={user.role} />
          <ConversationSection
            orderId={order.id}
            conversation={conversation}
            counterpart={user.role === "BUYER" ? order.shopName : user.role === "SELLER" ? order.buyerName : t("bothParties", { buyer: order.buyerName, shop: order.shopName })}
          />
          <ItemsSection order={order} />
          <TimelineSection order={order} />
        </div>
        <div className={`min-w-0 space-y-6 lg:col-start-3 ${run ? "lg:row-start-2" : "lg:row-span-2 lg:row-start-1"}`}>
          <RefundsSection order={order} />
          <DeadlinesSection order={order} now={now} canMoveClock={world.clock.allowed} />
          <MoneySection order={order} />
          <WhereSection order={order} />
        </div>
      </div>
    </div>
  );
}
