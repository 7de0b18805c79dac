import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { caseRecord } from "@/lib/server/support/case-record";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A dispute as JSON, for support's records (issue 17, point 6). Nobody else gets it, not even that it exists. */
export async function GET(_request: Request, context: { params: Promise<{ disputeId: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user || user.role !== "SUPPORT") return text("Only platform support can export a case.", 403);
  const { disputeId } = await context.params;
  const record = await caseRecord(user, disputeId.slice(0, 200), await appNow());
  if (!record) return text("There is no such case.", 404);
  return new Response(JSON.stringify(record, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="case-${record.order.code}-${record.dispute.id.split("-dispute-")[1] ?? "1"}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
