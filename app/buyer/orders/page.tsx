import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BuyerOrderCards } from "@/components/buyer-order-cards";
import { CursorPager } from "@/components/cursor-pager";
import { getI18n } from "@/lib/i18n/server";
import { BUYER_STAGES, BUYER_STAGE_LABELS, isBuyerStage } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { buyerStageCounts, listOrders } from "@/lib/server/orders/list-orders";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists.orders"))("buyer.title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The buyer's home: their orders by stage as shoppers know them, each with what happens next. */
export default async function BuyerOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("BUYER");
  const params = await props.searchParams;
  const stage = isBuyerStage(one(params.stage)) ? one(params.stage)! : undefined;
  const [counts, result, now] = await Promise.all([buyerStageCounts(user), listOrders(user, { stage, after: one(params.after), before: one(params.before) }), appNow()]);
  const t = await getTranslations("lists.orders");
  const { render } = await getI18n();
  const tab = (key: string | undefined, label: string, count: number) => (
    <Link
      key={key ?? "all"}
      href={key ? `/buyer/orders?stage=${key}` : "/buyer/orders"}
      aria-current={key === stage ? "page" : undefined}
      className={`flex min-h-11 items-center gap-1 whitespace-nowrap rounded-full px-3 ring-1 ${key === stage ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-stone-800 ring-stone-300 hover:bg-stone-50"}`}
    >
      {label} <span className={key === stage ? "text-white" : "text-stone-600"}>({count})</span>
    </Link>
  );
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("buyer.title")}</h1>
        <p className="text-sm text-stone-600">{t("buyer.intro")}</p>
      </div>
      <nav aria-label={t("stages")} className="-mx-1 flex flex-wrap gap-2 px-1 text-sm">
        {tab(undefined, t("all"), counts.ALL)}
        {BUYER_STAGES.map((key) => tab(key, render(BUYER_STAGE_LABELS[key]), counts[key]))}
      </nav>
      <BuyerOrderCards rows={result.rows} now={now} />
      <CursorPager newer={result.newer} older={result.older} basePath="/buyer/orders" params={stage ? { stage } : {}} noun={t("noun")} />
    </div>
  );
}
