import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import type { OrderListRow } from "@/lib/views";
import { Countdown } from "./countdown";
import { StatusBadge } from "./status-badge";

/** The buyer's orders as cards (a phone's width first): shop, items, total, status, and what happens next. */
export async function BuyerOrderCards({ rows, now }: { rows: OrderListRow[]; now: Date }) {
  const t = await getTranslations("lists");
  const { f, render } = await getI18n();
  if (rows.length === 0)
    return (
      <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">
        {t("orders.stageEmpty")}{" "}
        <Link href="/shop" className="text-brand-700 underline">
          {t("orders.buyMore")}
        </Link>
      </p>
    );
  return (
    <ul className="space-y-3">
      {rows.map((row) => (
        <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm text-stone-600">{row.shopName}</span>
            <StatusBadge status={row.status} />
          </div>
          <Link href={`/orders/${row.id}`} className="mt-1 flex min-h-11 items-center justify-between gap-3 rounded hover:bg-stone-50">
            <span>
              <span className="block font-medium text-brand-700 underline-offset-2">{t("table.orderCode", { code: row.code })}</span>
              <span className="block text-sm text-stone-800">{render(row.summary)}</span>
            </span>
            <span className="whitespace-nowrap font-medium tabular-nums">{f.money(row.totalMinor, row.currency)}</span>
          </Link>
          {row.openWork ? <p className="mt-1 text-sm text-amber-800">{render(row.openWork)}</p> : null}
          {row.cancellation ? (
            <p className="mt-1 text-sm text-stone-700">
              {render(row.cancellation.reason)} · {t("table.cancelledBy", { by: render(row.cancellation.by) })}
            </p>
          ) : null}
          <p className="mt-1 text-sm text-stone-700">
            {row.nextDeadline ? (
              <>
                {t("orders.next", { what: render(row.nextDeadline.label), when: f.dateTime(row.nextDeadline.dueAt) })}{" "}
                <span className="text-stone-500">
                  · <Countdown dueAt={row.nextDeadline.dueAt.toISOString()} serverNow={now.toISOString()} />
                </span>
              </>
            ) : (
              <span className="text-stone-500">{t("orders.nothingNext")}</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
