import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { OrderListRow } from "@/lib/views";
import { Countdown } from "./countdown";
import { StatusBadge } from "./status-badge";

type Column = "buyer" | "shop";

/** The order list every role sees; `columns` adds who bought or which shop sold. */
export function OrderTable({ rows, caption, columns, now }: { rows: OrderListRow[]; caption: string; columns: Column[]; now: Date }) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">No orders here yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">Order</th>
            <th scope="col" className="px-3 py-2">Placed</th>
            {columns.includes("buyer") ? <th scope="col" className="px-3 py-2">Buyer</th> : null}
            {columns.includes("shop") ? <th scope="col" className="px-3 py-2">Shop</th> : null}
            <th scope="col" className="px-3 py-2">Items</th>
            <th scope="col" className="px-3 py-2 text-right">Total</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Cancellation</th>
            <th scope="col" className="px-3 py-2">Next deadline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-100 last:border-0">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/orders/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  Order {row.code}
                </Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.placedAt)}</td>
              {columns.includes("buyer") ? <td className="px-3 py-2">{row.buyerName}</td> : null}
              {columns.includes("shop") ? <td className="px-3 py-2">{row.shopName}</td> : null}
              <td className="px-3 py-2">{row.summary}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(row.totalMinor, row.currency)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.status} />
                {row.openWork ? <p className="mt-1 max-w-56 text-xs text-amber-800">{row.openWork}</p> : null}
                {row.supportTarget ? (
                  <p className="mt-1 max-w-56 text-xs text-stone-600">
                    Support aims to decide by <time dateTime={row.supportTarget.toISOString()}>{formatDateTime(row.supportTarget)}</time>
                    {row.supportTarget.getTime() <= now.getTime() ? <strong className="text-red-700"> (overdue)</strong> : null}
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {row.cancellation ? (
                  <span>
                    {row.cancellation.reason} <span className="text-stone-500">· by {row.cancellation.by}</span>
                  </span>
                ) : (
                  <span className="text-stone-400">—</span>
                )}
              </td>
              <td className="px-3 py-2 text-xs">
                {row.nextDeadline ? (
                  <span>
                    {row.nextDeadline.label} <time dateTime={row.nextDeadline.dueAt.toISOString()}>{formatDateTime(row.nextDeadline.dueAt)}</time>
                    <br />
                    <Countdown dueAt={row.nextDeadline.dueAt.toISOString()} serverNow={now.toISOString()} />
                  </span>
                ) : (
                  <span className="text-stone-400">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
