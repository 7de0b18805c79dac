import "server-only";
/**
 * The platform's cancellation endpoints (issue 31), on the same services as the seller's pages:
 * search the shop's cancellations, approve or reject a buyer's request (reasons from
 * `reject_reasons`), cancel as the seller. Statuses, times and money as the platform writes them.
 */
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { CANCEL_STATUS } from "@/lib/api/statuses";
import { decimal, unix } from "@/lib/api/money";
import { english } from "@/lib/i18n/translator";
import { reasonByName, reasonName, reasonNameOf } from "@/lib/api/reasons";
import { reasonLabel, reasonsOfKind } from "@/lib/order";
import { apiRoute, type ApiContext, type ApiRoute } from "../gateway";
import { IDEMPOTENCY_QUERY, PAGE_QUERY, afterCursor, pageByStatus, pageSize, runAsSeller } from "./common";

const REJECT_REASON_NEEDED = "`reject_reason` is required: one of the names from `GET /return_refund/202309/reject_reasons`.";


const searchBody = z
  .object({
    order_ids: z.array(z.string().max(100)).max(50).optional().describe("Only these orders."),
    cancel_ids: z.array(z.string().max(100)).max(50).optional().describe("Only these cancellations."),
    cancel_status: z.array(z.string().max(60)).max(10).optional().describe(`Only these statuses: ${[...new Set(Object.values(CANCEL_STATUS))].join(", ")}.`),
    cancel_types: z.array(z.string().max(30)).max(5).optional().describe("BUYER_CANCEL (the only type a search finds here: a seller's cancel is immediate)."),
    create_time_ge: z.number().int().optional().describe("Requested at or after (Unix seconds)."),
    create_time_lt: z.number().int().optional().describe("Requested before (Unix seconds)."),
  })
  .passthrough();

async function search(ctx: ApiContext, body: z.output<typeof searchBody>) {
  const size = pageSize(ctx.query);
  // An empty list filters nothing (clients send every field).
  const filter = Object.fromEntries(Object.entries(body).filter(([, value]) => !(Array.isArray(value) && value.length === 0))) as typeof body;
  const ours = filter.cancel_status ? Object.keys(CANCEL_STATUS).filter((status) => filter.cancel_status!.includes(CANCEL_STATUS[status]!)) : null;
  if (filter.cancel_types && !filter.cancel_types.includes("BUYER_CANCEL")) return { cancellations: [], next_page_token: "", total_count: 0 };
  const where = {
    shopId: ctx.shop.id,
    ...(filter.order_ids ? { orderId: { in: filter.order_ids } } : {}),
    ...(filter.cancel_ids ? { id: { in: filter.cancel_ids } } : {}),
    ...(filter.create_time_ge !== undefined || filter.create_time_lt !== undefined
      ? { requestedAt: { ...(filter.create_time_ge !== undefined ? { gte: new Date(filter.create_time_ge * 1000) } : {}), ...(filter.create_time_lt !== undefined ? { lt: new Date(filter.create_time_lt * 1000) } : {}) } }
      : {}),
  };
  const page = await pageByStatus(
    ctx.query,
    size,
    ours,
    (status, after, take) =>
      ctx.read.cancelRequest.findMany({
        where: { AND: [where, status ? { status } : {}, afterCursor("requestedAt", after)] },
        orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
        take,
        select: { id: true, orderId: true, status: true, reasonKey: true, requestedAt: true, respondBy: true, resolvedAt: true, rejectReasonKey: true, order: { select: { currency: true, itemsMinor: true, shippingFeeMinor: true, totalMinor: true } } },
      }),
    (row) => ({ at: row.requestedAt, id: row.id }),
  );
  const total = await ctx.read.cancelRequest.count({ where: { AND: [where, ours ? { status: { in: ours } } : {}] } });
  return {
    cancellations: page.rows.map((row) => ({
      cancel_id: row.id,
      order_id: row.orderId,
      cancel_type: "BUYER_CANCEL",
      role: "BUYER",
      cancel_status: CANCEL_STATUS[row.status] ?? "CANCELLATION_REQUEST_PENDING",
      cancel_reason: reasonNameOf(row.reasonKey),
      cancel_reason_text: english().render(reasonLabel(row.reasonKey)),
      create_time: unix(row.requestedAt),
      update_time: unix(row.resolvedAt ?? row.requestedAt),
      refund_amount: { currency: row.order.currency, refund_subtotal: decimal(row.order.itemsMinor), refund_shipping_fee: decimal(row.order.shippingFeeMinor), refund_total: decimal(row.order.totalMinor) },
      seller_next_action_response: row.status === "PENDING" && row.respondBy ? [{ action: "SELLER_RESPOND_CANCELLATION", deadline: unix(row.respondBy) }] : [],
      ...(row.rejectReasonKey ? { reject_reason: reasonNameOf(row.rejectReasonKey), reject_reason_text: english().render(reasonLabel(row.rejectReasonKey)) } : {}),
    })),
    next_page_token: page.next,
    total_count: total,
  };
}


async function requestOfShop(ctx: ApiContext): Promise<{ id: string; orderId: string }> {
  const request = await ctx.read.cancelRequest.findFirst({ where: { id: ctx.params.cancel_id, shopId: ctx.shop.id }, select: { id: true, orderId: true } });
  if (!request) throw API_ERRORS.unknownId("cancel_id");
  return request;
}

async function approve(ctx: ApiContext) {
  const request = await requestOfShop(ctx);
  await runAsSeller(ctx, request.orderId, { type: "APPROVE_CANCEL_REQUEST" });
  return {};
}

const rejectBody = z
  .object({
    reject_reason: z.string({ error: REJECT_REASON_NEEDED }).min(1, REJECT_REASON_NEEDED).max(120).describe("A name from GET /return_refund/202309/reject_reasons."),
    comment: z.string().max(1000).optional(),
    images: z.array(z.unknown()).max(6).optional(),
  })
  .passthrough();

async function reject(ctx: ApiContext, body: z.output<typeof rejectBody>) {
  const reason = reasonByName("SELLER_REJECT_CANCEL", body.reject_reason);
  if (!reason) throw API_ERRORS.badParam(`\`reject_reason\` "${body.reject_reason}" is not a reason for rejecting a cancellation.`);
  const request = await requestOfShop(ctx);
  await runAsSeller(ctx, request.orderId, { type: "REJECT_CANCEL_REQUEST", reasonKey: reason.key });
  return {};
}

const sellerCancelBody = z
  .object({
    order_id: z.string({ error: "`order_id` is required." }).min(1, "`order_id` is required.").max(100),
    cancel_reason: z.string({ error: "`cancel_reason` is required." }).min(1, "`cancel_reason` is required.").max(120).describe("A seller's reason for cancelling, by the platform's name."),
  })
  .passthrough();

async function sellerCancel(ctx: ApiContext, body: z.output<typeof sellerCancelBody>) {
  const reason = reasonByName("SELLER_CANCEL", body.cancel_reason);
  if (!reason) throw API_ERRORS.badParam(`\`cancel_reason\` "${body.cancel_reason}" is not a seller's reason for cancelling.`);
  const order = await ctx.read.order.findFirst({ where: { id: body.order_id, shopId: ctx.shop.id }, select: { id: true } });
  if (!order) throw API_ERRORS.unknownId("order_id");
  await runAsSeller(ctx, order.id, { type: "SELLER_CANCEL", reasonKey: reason.key });
  return { cancel_id: order.id, cancel_status: "CANCELLATION_REQUEST_COMPLETE" };
}

/** The reasons a seller gives when rejecting (cancellations and returns), in the platform's names. */
async function rejectReasons() {
  const kinds = ["SELLER_REJECT_CANCEL", "SELLER_REJECT_RETURN", "SELLER_REJECT_RECEIPT"] as const;
  return { reasons: kinds.flatMap((kind) => reasonsOfKind(kind).map((reason) => ({ name: reasonName(reason), text: english().render(reasonLabel(reason.key)), kind }))) };
}

export const CANCELLATION_ROUTES: ApiRoute[] = [
  apiRoute({ method: "POST", path: "/return_refund/202309/cancellations/search", shop: true, summary: "Search the shop's cancellation requests, newest first.", query: PAGE_QUERY, body: searchBody, handle: search }),
  apiRoute({ method: "POST", path: "/return_refund/202309/cancellations/{cancel_id}/approve", shop: true, summary: "Approve a buyer's cancellation request: the order is cancelled and refunded.", query: IDEMPOTENCY_QUERY, handle: approve }),
  apiRoute({ method: "POST", path: "/return_refund/202309/cancellations/{cancel_id}/reject", shop: true, summary: "Reject a buyer's cancellation request with a reason.", query: IDEMPOTENCY_QUERY, body: rejectBody, handle: reject }),
  apiRoute({ method: "POST", path: "/return_refund/202309/cancellations", shop: true, summary: "Cancel an order as the seller (counted against the shop).", query: IDEMPOTENCY_QUERY, body: sellerCancelBody, handle: sellerCancel }),
  apiRoute({ method: "GET", path: "/return_refund/202309/reject_reasons", shop: true, summary: "The reasons a seller may give to reject a cancellation, a request or a returned package.", handle: rejectReasons }),
];
