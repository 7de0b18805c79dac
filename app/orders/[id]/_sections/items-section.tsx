import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card } from "./card";

export async function ItemsSection({ order }: { order: OrderDetail }) {
  const t = await getTranslations("order.items");
  const { f, render } = await getI18n();
  const money = (minor: number) => f.money(minor, order.currency);
  return (
    <Card id="items" title={t("title")}>
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption", { code: order.code })}</caption>
        <thead className="text-left text-xs uppercase text-stone-500">
          <tr>
            <th scope="col" className="py-1">{t("item")}</th>
            <th scope="col" className="py-1 text-right">{t("quantity")}</th>
            <th scope="col" className="py-1 text-right">{t("price")}</th>
            <th scope="col" className="py-1 text-right">{t("amount")}</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-t border-stone-100">
              <td className="py-1.5">{item.title}</td>
              <td className="py-1.5 text-right tabular-nums">{f.number(item.quantity)}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.unitPriceMinor)}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.unitPriceMinor * item.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="tabular-nums">
          <tr className="border-t border-stone-200">
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-stone-600">{t("itemsTotal")}</th>
            <td className="py-1 text-right">{money(order.itemsMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-stone-600">{t("shipping")}</th>
            <td className="py-1 text-right">{money(order.shippingFeeMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right">{order.paidAt ? t("totalPaid", { method: render(order.paymentMethodLabel) }) : t("totalUnpaid")}</th>
            <td className="py-1 text-right font-semibold">{money(order.totalMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}

export async function TimelineSection({ order }: { order: OrderDetail }) {
  const t = await getTranslations("order.timeline");
  const { f, render } = await getI18n();
  return (
    <Card id="timeline" title={t("title")}>
      <ol className="space-y-3 border-l border-stone-200 pl-4 text-sm">
        {order.timeline.map((event) => (
          <li key={event.id}>
            <p>{render(event.summary)}</p>
            <p className="text-xs text-stone-500">
              {f.dateTime(event.at)} · {render(event.actor)}
              {event.rules.length ? (
                <>
                  {" · "}
                  {t("rules")}{" "}
                  {event.rules.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ", " : ""}
                      <Link href={`/rules#rule-${id}`} className="text-brand-700 underline">
                        {id}
                      </Link>
                    </span>
                  ))}
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
      <Link href={`/orders/${order.id}/replay`} className="mt-2 inline-flex min-h-11 items-center text-sm text-brand-700 underline">
        {(await getTranslations("replay"))("link")}
      </Link>
    </Card>
  );
}
