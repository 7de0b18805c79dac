import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card } from "./card";

export function ItemsSection({ order }: { order: OrderDetail }) {
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <Card title="Items">
      <table className="w-full text-sm">
        <caption className="sr-only">Items in order {order.code}</caption>
        <thead className="text-left text-xs uppercase text-stone-500">
          <tr>
            <th scope="col" className="py-1">Item</th>
            <th scope="col" className="py-1 text-right">Qty</th>
            <th scope="col" className="py-1 text-right">Price</th>
            <th scope="col" className="py-1 text-right">Amount</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-t border-stone-100">
              <td className="py-1.5">{item.title}</td>
              <td className="py-1.5 text-right tabular-nums">{item.quantity}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.unitPriceMinor)}</td>
              <td className="py-1.5 text-right tabular-nums">{money(item.unitPriceMinor * item.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="tabular-nums">
          <tr className="border-t border-stone-200">
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-stone-600">Items</th>
            <td className="py-1 text-right">{money(order.itemsMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-stone-600">Shipping</th>
            <td className="py-1 text-right">{money(order.shippingFeeMinor)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right">Total ({order.paidAt ? `paid by ${order.paymentMethodLabel}` : "not paid yet"})</th>
            <td className="py-1 text-right font-semibold">{money(order.totalMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}

export function TimelineSection({ order }: { order: OrderDetail }) {
  return (
    <Card title="Timeline">
      <ol className="space-y-3 border-l border-stone-200 pl-4 text-sm">
        {order.timeline.map((event) => (
          <li key={event.id}>
            <p>{event.summary}</p>
            <p className="text-xs text-stone-500">
              {formatDateTime(event.at)} · {event.actor}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
