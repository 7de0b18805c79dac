import { getI18n } from "@/lib/i18n/server";
import { STATUS_LABELS, type OrderStatus } from "@/lib/order";

const TONES: Record<OrderStatus, string> = {
  UNPAID: "bg-stone-100 text-stone-700 border-stone-300",
  ON_HOLD: "bg-sky-50 text-sky-800 border-sky-200",
  AWAITING_SHIPMENT: "bg-indigo-50 text-indigo-800 border-indigo-200",
  AWAITING_COLLECTION: "bg-violet-50 text-violet-800 border-violet-200",
  IN_TRANSIT: "bg-amber-50 text-amber-800 border-amber-200",
  DELIVERED: "bg-emerald-50 text-emerald-800 border-emerald-200",
  COMPLETED: "bg-brand-50 text-brand-900 border-brand-100",
  CANCELLED: "bg-rose-50 text-rose-800 border-rose-200",
};

export async function StatusBadge({ status }: { status: OrderStatus }) {
  const { render } = await getI18n();
  return <span className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{render(STATUS_LABELS[status])}</span>;
}
