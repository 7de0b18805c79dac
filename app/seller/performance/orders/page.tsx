import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Message } from "@/lib/i18n/message";
import { getI18n } from "@/lib/i18n/server";
import { REQUEST_KIND_LABELS, findReason, reasonLabel, type RequestKind } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { PERFORMANCE_LIST_LIMIT, isPerformanceList, performanceOrders } from "@/lib/server/seller/performance-orders";
import { causeLabel } from "@/lib/server/seller/performance-facts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("seller.performanceOrders"))("title") };
}

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** What a breakdown's filter names: a request kind, a reason, or a refund cause. */
function filterLabel(filter: string | undefined): Message | null {
  if (!filter) return null;
  if (Object.hasOwn(REQUEST_KIND_LABELS, filter)) return REQUEST_KIND_LABELS[filter as RequestKind];
  if (findReason(filter)) return reasonLabel(filter);
  return causeLabel(filter);
}

/** The orders a figure of the performance page counts (issue 16, point 3), newest first. */
export default async function PerformanceOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  const params = await props.searchParams;
  const list = first(params.list);
  const window = first(params.window) === "30" ? 30 : 7;
  const filter = first(params.filter)?.slice(0, 200);
  const t = await getTranslations("seller.performanceOrders");
  const lists = await getTranslations("seller.performance.list");
  const { f, render } = await getI18n();
  const back = (
    <Link href={`/seller/performance?window=${window}`} className="text-sm text-brand-700 underline">
      {t("back")}
    </Link>
  );
  if (!isPerformanceList(list)) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert">{t("noSuchFigure")}</p>
        {back}
      </div>
    );
  }
  const result = await performanceOrders(user, await appNow(), { list, window, ...(filter ? { filter } : {}) });
  const rows = result?.rows ?? [];
  const narrowed = filterLabel(filter);
  return (
    <div className="space-y-4">
      {back}
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {lists(list)}
          {narrowed ? `: ${render(narrowed)}` : ""}
        </h1>
        <p className="text-stone-700">
          {t("summary", { days: window, from: result?.from ?? "", to: result?.to ?? "", total: result?.total ?? 0 })}
          {result && result.total > PERFORMANCE_LIST_LIMIT ? ` ${t("firstShown", { limit: PERFORMANCE_LIST_LIMIT })}` : ""}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="text-stone-600">{t("none")}</p>
      ) : (
        <ul aria-label={t("orders")} className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {rows.map((row) => (
            <li key={`${row.orderId}-${row.at.getTime()}`} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr_14rem] sm:items-center sm:gap-4">
              <Link href={`/orders/${row.orderId}`} className="font-medium text-brand-700 hover:underline">
                {t("order", { code: row.code })}
              </Link>
              <p className="text-sm">
                {row.buyerName}
                <span className="text-stone-600"> · {render(row.detail)}</span>
              </p>
              <p className="text-sm text-stone-700">{f.dateTime(row.at)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
