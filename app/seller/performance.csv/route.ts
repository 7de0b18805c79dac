import { getTranslations } from "next-intl/server";
import { toCsv } from "@/lib/csv";
import { getI18n } from "@/lib/i18n/server";
import { formatRate, RATE_STATUS_LABELS, REQUEST_KIND_LABELS } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { sellerPerformance } from "@/lib/server/seller/performance";
import { causeLabel } from "@/lib/server/seller/performance-facts";

const hours = (ms: number | null) => (ms === null ? "" : (ms / 3_600_000).toFixed(1));

/** The shop's performance figures as CSV (issue 16, point 5): each window's figures, then the daily trend, in the viewer's language. */
export async function GET(): Promise<Response> {
  const t = await getTranslations("seller.csv");
  const { locale, render } = await getI18n();
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return new Response(t("signIn"), { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const now = await appNow();
  const performance = await sellerPerformance(user, now);
  if (!performance) return new Response(t("noShop"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const currency = performance.currency;
  const rows: (string | number | null)[][] = [[t("window"), t("from"), t("to"), t("figure"), t("value"), t("counted"), t("outOf"), t("status")]];
  for (const w of performance.windows) {
    const at = [t("lastDays", { days: w.days }), w.from, w.to];
    for (const r of w.rates) rows.push([...at, render(r.metric.label), formatRate(r.numerator, r.denominator), r.numerator, r.denominator, render(RATE_STATUS_LABELS[r.status])]);
    for (const r of w.responses) {
      const kind = render(REQUEST_KIND_LABELS[r.kind]);
      rows.push([...at, t("medianAnswer", { kind }), hours(r.medianMs), r.answered, null, null]);
      rows.push([...at, t("silence", { kind }), r.silence, r.silence, null, null]);
      rows.push([...at, t("byRule", { kind }), r.byRule, r.byRule, null, null]);
    }
    for (const r of w.returnsByReason) rows.push([...at, t("requests", { reason: render(r.label) }), formatRate(r.count, w.delivered), r.count, w.delivered, null]);
    rows.push([...at, t("disputesWon"), w.disputes.won, w.disputes.won, null, null]);
    rows.push([...at, t("disputesLost"), w.disputes.lost, w.disputes.lost, null, null]);
    for (const r of w.refundsByCause) rows.push([...at, t("refunds", { cause: render(causeLabel(r.cause)), currency }), r.amountMinor, r.count, null, null]);
  }
  rows.push([]);
  rows.push([t("day"), t("ordersPaid"), t("sellerFaultCancels"), t("pickedUp"), t("pickedUpLate"), t("medianAnswerHours"), t("approvedForSilence"), t("requestsOpened"), t("refunded", { currency })]);
  for (const d of performance.daily) rows.push([d.day, d.paid, d.sellerFaultCancels, d.pickedUp, d.late, d.medianResponseHours, d.silence, d.returnsOpened, d.refundedMinor]);
  return new Response(toCsv(rows, { bom: locale !== "en" }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="performance-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
