import { getTranslations } from "next-intl/server";
import { toCsv } from "@/lib/csv";
import { getI18n } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { sellerQueue } from "@/lib/server/seller/needs-action";

/** One tab of the seller's queue as CSV (up to 1,000 rows, the nearest deadline first): issue 16, point 5; in the viewer's language and zone. */
export async function GET(request: Request): Promise<Response> {
  const t = await getTranslations("seller.csv");
  const { locale, f, render } = await getI18n();
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return new Response(t("signInQueue"), { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const tab = new URL(request.url).searchParams.get("tab") ?? undefined;
  const now = await appNow();
  const page = await sellerQueue(user, { tab, pageSize: 1000 });
  const rows = page.rows.map((row) => [row.code, row.buyerName, row.reason ? render(row.reason) : null, row.dueAt.toISOString(), f.dateTime(row.dueAt), f.remaining(row.dueAt.getTime() - now.getTime()), render(page.tab.onSilence)]);
  const csv = toCsv([[t("order"), t("buyer"), t("reason"), t("dueIso"), t("due"), t("timeLeft"), t("ifNothing")], ...rows], { bom: locale !== "en" });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${page.tab.key}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
