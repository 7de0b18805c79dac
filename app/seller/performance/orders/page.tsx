import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { REQUEST_KIND_LABELS, reasonLabel, type RequestKind } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { PERFORMANCE_LISTS, PERFORMANCE_LIST_LIMIT, isPerformanceList, performanceOrders } from "@/lib/server/seller/performance-orders";

export const metadata: Metadata = { title: "Orders behind a figure" };

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

function filterLabel(filter: string | undefined): string | null {
  if (!filter) return null;
  if (Object.hasOwn(REQUEST_KIND_LABELS, filter)) return REQUEST_KIND_LABELS[filter as RequestKind];
  return reasonLabel(filter);
}

/** The orders a figure of the performance page counts (issue 16, point 3), newest first. */
export default async function PerformanceOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  const params = await props.searchParams;
  const list = first(params.list);
  const window = first(params.window) === "30" ? 30 : 7;
  const filter = first(params.filter)?.slice(0, 200);
  const back = (
    <Link href={`/seller/performance?window=${window}`} className="text-sm text-brand-700 underline">
      Back to the shop&apos;s performance
    </Link>
  );
  if (!isPerformanceList(list)) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">Orders behind a figure</h1>
        <p role="alert">There is no such figure. Choose one on the performance page.</p>
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
          {PERFORMANCE_LISTS[list]}
          {narrowed ? `: ${narrowed}` : ""}
        </h1>
        <p className="text-stone-700">
          Last {window} days{result ? ` (${result.from} to ${result.to})` : ""}: {result?.total ?? 0} {result?.total === 1 ? "order" : "orders"}, newest first.
          {result && result.total > PERFORMANCE_LIST_LIMIT ? ` The first ${PERFORMANCE_LIST_LIMIT} are shown.` : ""}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="text-stone-600">No orders.</p>
      ) : (
        <ul aria-label="Orders" className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {rows.map((row) => (
            <li key={`${row.orderId}-${row.at.getTime()}`} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr_14rem] sm:items-center sm:gap-4">
              <Link href={`/orders/${row.orderId}`} className="font-medium text-brand-700 hover:underline">
                Order {row.code}
              </Link>
              <p className="text-sm">
                {row.buyerName}
                <span className="text-stone-600"> · {row.detail}</span>
              </p>
              <p className="text-sm text-stone-700">{formatDateTime(row.at)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
