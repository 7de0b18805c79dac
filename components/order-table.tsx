import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import type { OrderListRow } from "@/lib/views";
import { Countdown } from "./countdown";
import { StatusBadge } from "./status-badge";

type Column = "buyer" | "shop";

/** The order list every role sees; `columns` adds who bought or which shop sold. */
export async function OrderTable({ rows, caption, columns, now }: { rows: OrderListRow[]; caption: string; columns: Column[]; now: Date }) {
  const t = await getTranslations("lists.table");
  const { f, render } = await getI18n();
  if (rows.length === 0) return <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[46rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("order")}</th>
            <th scope="col" className="px-3 py-2">{t("placed")}</th>
            {columns.includes("buyer") ? <th scope="col" className="px-3 py-2">{t("buyer")}</th> : null}
            {columns.includes("shop") ? <th scope="col" className="px-3 py-2">{t("shop")}</th> : null}
            <th scope="col" className="px-3 py-2">{t("items")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("total")}</th>
            <th scope="col" className="px-3 py-2">{t("status")}</th>
            <th scope="col" className="px-3 py-2">{t("cancellation")}</th>
            <th scope="col" className="px-3 py-2">{t("nextDeadline")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-100 last:border-0">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/orders/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {t("orderCode", { code: row.code })}
                </Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{f.dateTime(row.placedAt)}</td>
              {columns.includes("buyer") ? <td className="px-3 py-2">{row.buyerName}</td> : null}
              {columns.includes("shop") ? <td className="px-3 py-2">{row.shopName}</td> : null}
              <td className="px-3 py-2">{render(row.summary)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{f.money(row.totalMinor, row.currency)}</td>
              <td className="px-3 py-2">
                <StatusBadge status={row.status} />
                {row.openWork ? <p className="mt-1 max-w-56 text-xs text-amber-800">{render(row.openWork)}</p> : null}
                {row.supportTarget ? (
                  <p className="mt-1 max-w-56 text-xs text-stone-600">
                    {t("supportTarget")} <time dateTime={row.supportTarget.toISOString()}>{f.dateTime(row.supportTarget)}</time>
                    {row.supportTarget.getTime() <= now.getTime() ? <strong className="text-red-700"> {t("overdue")}</strong> : null}
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {row.cancellation ? (
                  <span>
                    {render(row.cancellation.reason)} <span className="text-stone-500">· {t("cancelledBy", { by: render(row.cancellation.by) })}</span>
                  </span>
                ) : (
                  <span className="text-stone-400">—</span>
                )}
              </td>
              <td className="px-3 py-2 text-xs">
                {row.nextDeadline ? (
                  <span>
                    {render(row.nextDeadline.label)} <time dateTime={row.nextDeadline.dueAt.toISOString()}>{f.dateTime(row.nextDeadline.dueAt)}</time>
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
