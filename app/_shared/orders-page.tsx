import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { appNow } from "@/lib/server/app-clock";
import { listOrders } from "@/lib/server/orders/list-orders";
import { OrderTable } from "@/components/order-table";
import { CursorPager } from "@/components/cursor-pager";
import { StatusFilter } from "@/components/status-filter";

type SearchParams = Record<string, string | string[] | undefined>;

/** The list page each role has: a status filter, one page of orders, and paging. */
export async function OrdersPage({
  user,
  searchParams,
  title,
  intro,
  basePath,
  columns,
}: {
  user: SessionUser;
  searchParams: SearchParams;
  title: string;
  intro: string;
  basePath: string;
  columns: ("buyer" | "shop")[];
}) {
  const status = typeof searchParams.status === "string" ? searchParams.status : "";
  const open = typeof searchParams.open === "string" ? searchParams.open : "";
  const param = (name: string) => (typeof searchParams[name] === "string" ? (searchParams[name] as string) : undefined);
  const [result, now] = await Promise.all([listOrders(user, { status, open, after: param("after"), before: param("before") }), appNow()]);
  const filters = { ...(status ? { status } : {}), ...(open ? { open } : {}) };
  const t = await getTranslations("lists.orders");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{title}</h1>
          <p className="text-sm text-stone-600">
            {intro} {t("count", { count: result.total, capped: result.capped ? "yes" : "no" })}
          </p>
        </div>
        <StatusFilter action={basePath} status={status} open={open} />
      </div>
      <OrderTable rows={result.rows} caption={title} columns={columns} now={now} />
      <CursorPager newer={result.newer} older={result.older} basePath={basePath} params={filters} noun={t("noun")} />
    </div>
  );
}
