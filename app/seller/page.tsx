import type { Metadata } from "next";
import Link from "next/link";
import { BulkForm } from "@/components/bulk-form";
import { Countdown } from "@/components/countdown";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import { SELLER_QUEUE } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { COUNT_CAP, sellerQueue, sellerQueueCounts } from "@/lib/server/seller/needs-action";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("seller.home"))("title") };
}

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * The Seller Center's home: what waits on the seller, by kind, the nearest deadline first, each with
 * what the platform does if the seller says nothing (issue 16, point 1).
 */
export default async function SellerHomePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  const params = await props.searchParams;
  const now = await appNow();
  const [counts, page] = await Promise.all([sellerQueueCounts(user), sellerQueue(user, { tab: first(params.tab), after: first(params.after) })]);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const t = await getTranslations("seller.home");
  const { f, render } = await getI18n();
  const list = (
    <ul aria-label={render(page.tab.label)} className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
      {page.rows.map((row) => (
        <li key={row.deadlineKey + row.orderId} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr_16rem] sm:items-center sm:gap-4">
          <span className="flex items-center gap-2">
            {page.tab.bulk ? <input type="checkbox" name="order" value={`${row.version}:${row.orderId}`} aria-label={t("choose", { code: row.code })} className="size-4" /> : null}
            <Link href={`/orders/${row.orderId}`} className="font-medium text-brand-700 hover:underline">
              {t("order", { code: row.code })}
            </Link>
          </span>
          <p className="text-sm">
            {row.buyerName}
            {row.reason ? <span className="text-stone-600"> · {render(row.reason)}</span> : null}
          </p>
          <p className="text-sm">
            <span className="block">
              {page.tab.dueLabel ? render(page.tab.dueLabel) : t("due")} {f.dateTime(row.dueAt)}
            </span>
            <span className="text-stone-600">
              <Countdown dueAt={row.dueAt.toISOString()} serverNow={now.toISOString()} />
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
  const empty = <p className="rounded border border-stone-200 bg-white px-3 py-4 text-stone-700">{render(page.tab.empty)}</p>;
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">
          {t("summary", { shop: user.shopName ?? t("yourShop"), total })}{" "}
          <Link href="/seller/orders" className="text-brand-700 underline">
            {t("allOrders")}
          </Link>
        </p>
      </div>
      <nav aria-label={t("queues")} className="flex flex-wrap gap-2">
        {SELLER_QUEUE.map((tab) => {
          const current = tab.key === page.tab.key;
          return (
            <Link
              key={tab.key}
              href={`/seller?tab=${tab.key}`}
              aria-current={current ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${current ? "border-brand-700 bg-brand-600 text-white" : "border-stone-300 bg-white hover:bg-stone-100"}`}
            >
              {render(tab.label)} <span className={current ? "" : "text-stone-500"}>({counts[tab.key] === COUNT_CAP ? `${f.number(COUNT_CAP)}+` : f.number(counts[tab.key] ?? 0)})</span>
            </Link>
          );
        })}
      </nav>
      <section aria-labelledby="queue-heading" className="space-y-3">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {render(page.tab.label)}
        </h2>
        <p className="text-sm text-stone-600">
          {t("onSilence", { what: render(page.tab.onSilence) })}{" "}
          <a href={`/seller/queue.csv?tab=${page.tab.key}`} className="text-brand-700 underline">
            {t("csv")}
          </a>
        </p>
        {page.tab.bulk ? (
          // The form stays when its list empties (the last requests just approved), so what happened to each order stays in view.
          <BulkForm command={page.tab.bulk.command} label={render(page.tab.bulk.label)} hasRows={page.rows.length > 0}>
            {page.rows.length === 0 ? empty : list}
          </BulkForm>
        ) : page.rows.length === 0 ? (
          empty
        ) : (
          list
        )}
        {page.later || first(params.after) ? (
          <nav aria-label={t("pages")} className="flex gap-4 text-sm">
            {first(params.after) ? (
              <Link href={`/seller?tab=${page.tab.key}`} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
                {t("nearest")}
              </Link>
            ) : null}
            {page.later ? (
              <Link href={`/seller?tab=${page.tab.key}&after=${encodeURIComponent(page.later)}`} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
                {t("later")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
