import { toCsv } from "@/lib/csv";
import { formatRate, RATE_STATUS_LABELS, REQUEST_KIND_LABELS } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { sellerPerformance } from "@/lib/server/seller/performance";

const hours = (ms: number | null) => (ms === null ? "" : (ms / 3_600_000).toFixed(1));

/** The shop's performance figures as CSV (issue 16, point 5): each window's figures, then the daily trend. */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return new Response("Sign in as the shop's seller to download its figures.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const now = await appNow();
  const performance = await sellerPerformance(user, now);
  if (!performance) return new Response("This seller has no shop.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const rows: (string | number | null)[][] = [["Window", "From", "To", "Figure", "Value", "Counted", "Out of", "Status"]];
  for (const w of performance.windows) {
    const at = [`Last ${w.days} days`, w.from, w.to];
    for (const r of w.rates) rows.push([...at, r.metric.label, formatRate(r.numerator, r.denominator), r.numerator, r.denominator, RATE_STATUS_LABELS[r.status]]);
    for (const r of w.responses) {
      rows.push([...at, `${REQUEST_KIND_LABELS[r.kind]}: median answer time (hours)`, hours(r.medianMs), r.answered, null, null]);
      rows.push([...at, `${REQUEST_KIND_LABELS[r.kind]}: approved for your silence`, r.silence, r.silence, null, null]);
      rows.push([...at, `${REQUEST_KIND_LABELS[r.kind]}: approved by your rule`, r.byRule, r.byRule, null, null]);
    }
    for (const r of w.returnsByReason) rows.push([...at, `Requests: ${r.label}`, formatRate(r.count, w.delivered), r.count, w.delivered, null]);
    rows.push([...at, "Disputes won", w.disputes.won, w.disputes.won, null, null]);
    rows.push([...at, "Disputes lost", w.disputes.lost, w.disputes.lost, null, null]);
    for (const r of w.refundsByCause) rows.push([...at, `Refunds: ${r.cause} (${performance.currency}, minor units)`, r.amountMinor, r.count, null, null]);
  }
  rows.push([]);
  rows.push(["Day", "Orders paid", "Seller-fault cancellations", "Picked up", "Picked up late", "Median answer time (hours)", "Approved for silence", "Requests opened", `Refunded (${performance.currency}, minor units)`]);
  for (const d of performance.daily) rows.push([d.day, d.paid, d.sellerFaultCancels, d.pickedUp, d.late, d.medianResponseHours, d.silence, d.returnsOpened, d.refundedMinor]);
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="performance-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
