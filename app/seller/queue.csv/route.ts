import { toCsv } from "@/lib/csv";
import { formatDateTime, formatRemaining } from "@/lib/format";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { sellerQueue } from "@/lib/server/seller/needs-action";

/** One tab of the seller's queue as CSV (up to 1,000 rows, the nearest deadline first): issue 16, point 5. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return new Response("Sign in as the shop's seller to download its queue.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const tab = new URL(request.url).searchParams.get("tab") ?? undefined;
  const now = await appNow();
  const page = await sellerQueue(user, { tab, pageSize: 1000 });
  const rows = page.rows.map((row) => [row.code, row.buyerName, row.reason, row.dueAt.toISOString(), formatDateTime(row.dueAt), formatRemaining(row.dueAt.getTime() - now.getTime()), page.tab.onSilence]);
  const csv = toCsv([["Order", "Buyer", "Reason", "Due (UTC, ISO 8601)", "Due", "Time left", "If you do nothing"], ...rows]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${page.tab.key}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
