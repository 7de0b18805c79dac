import "server-only";
/**
 * The platform's return and refund endpoints (issue 31): search the shop's requests, approve or reject
 * them with the platform's decisions, read a request's records. Each decision runs the engine's
 * command through the same services as the seller's page.
 */
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { RETURN_STATUS, returnType } from "@/lib/api/statuses";
import { decimal, minorOf, unix } from "@/lib/api/money";
import { english } from "@/lib/i18n/translator";
import { parseDeadlineKey, reasonLabel, type Command } from "@/lib/order";
import { apiRoute, type ApiContext, type ApiRoute } from "../gateway";
import { AFTERSALE_ROUTES } from "./aftersale";
import { reasonByName, reasonNameOf } from "@/lib/api/reasons";
import { IDEMPOTENCY_QUERY, PAGE_QUERY, afterCursor, pageByStatus, pageSize, runAsSeller } from "./common";


/** The seller's next action and its deadline, by the deadline that waits on them. */
const NEXT_ACTION: Record<string, string> = {
  SELLER_REVIEW: "SELLER_RESPOND_REFUND",
  INSPECTION: "SELLER_RESPOND_RECEIVE_PACKAGE",
  REFUSAL_INSPECTION: "SELLER_RESPOND_RECEIVE_PACKAGE",
};


const searchBody = z
  .object({
    return_ids: z.array(z.string().max(100)).max(50).optional().describe("Only these requests."),
    order_ids: z.array(z.string().max(100)).max(50).optional().describe("Only these orders."),
    return_types: z.array(z.string().max(30)).max(5).optional().describe("REFUND (refund only) or RETURN_AND_REFUND."),
    return_status: z.array(z.string().max(60)).max(20).optional().describe(`Only these statuses: ${[...new Set(Object.values(RETURN_STATUS))].join(", ")}.`),
    create_time_ge: z.number().int().optional().describe("Opened at or after (Unix seconds)."),
    create_time_lt: z.number().int().optional().describe("Opened before (Unix seconds)."),
  })
  .passthrough();

const SELECT = {
  id: true,
  orderId: true,
  type: true,
  status: true,
  reasonKey: true,
  description: true,
  openedAt: true,
  closedAt: true,
  offerMinor: true,
  carrier: true,
  trackingNumber: true,
  returnMethod: true,
  rejectReasonKey: true,
  refundMinor: true,
  order: { select: { currency: true, itemsMinor: true, shippingFeeMinor: true, totalMinor: true, updatedAt: true } },
} as const;

async function search(ctx: ApiContext, body: z.output<typeof searchBody>) {
  const filter = Object.fromEntries(Object.entries(body).filter(([, value]) => !(Array.isArray(value) && value.length === 0))) as typeof body;
  const size = pageSize(ctx.query);
  const statuses = filter.return_status ? Object.keys(RETURN_STATUS).filter((status) => filter.return_status!.includes(RETURN_STATUS[status]!)) : null;
  const types = filter.return_types ? (["REFUND_ONLY", "RETURN_AND_REFUND", "REFUSED_PARCEL"] as const).filter((type) => filter.return_types!.includes(returnType(type))) : null;
  const where = {
    shopId: ctx.shop.id,
    ...(filter.order_ids ? { orderId: { in: filter.order_ids } } : {}),
    ...(filter.return_ids ? { id: { in: filter.return_ids } } : {}),
    ...(types ? { type: { in: [...types] } } : {}),
    ...(filter.create_time_ge !== undefined || filter.create_time_lt !== undefined
      ? { openedAt: { ...(filter.create_time_ge !== undefined ? { gte: new Date(filter.create_time_ge * 1000) } : {}), ...(filter.create_time_lt !== undefined ? { lt: new Date(filter.create_time_lt * 1000) } : {}) } }
      : {}),
  };
  const page = await pageByStatus(
    ctx.query,
    size,
    statuses,
    (status, after, take) => ctx.read.returnCase.findMany({ where: { AND: [where, status ? { status } : {}, afterCursor("openedAt", after)] }, orderBy: [{ openedAt: "desc" }, { id: "desc" }], take, select: SELECT }),
    (row) => ({ at: row.openedAt, id: row.id }),
  );
  const [total, deadlines] = await Promise.all([
    ctx.read.returnCase.count({ where: { AND: [where, statuses ? { status: { in: statuses } } : {}] } }),
    ctx.read.deadline.findMany({ where: { orderId: { in: page.rows.map((row) => row.orderId) }, resolvedAt: null }, select: { orderId: true, kind: true, dueAt: true } }),
  ]);
  return {
    return_orders: page.rows.map((row) => {
      const next = deadlines.filter((deadline) => deadline.orderId === row.orderId).flatMap((deadline) => {
        const action = NEXT_ACTION[parseDeadlineKey(deadline.kind)?.kind ?? ""];
        return action && ["REQUESTED", "RE_REVIEW", "AWAITING_INSPECTION"].includes(row.status) ? [{ action, deadline: unix(deadline.dueAt) }] : [];
      });
      return {
        return_id: row.id,
        order_id: row.orderId,
        return_type: returnType(row.type),
        return_status: RETURN_STATUS[row.status] ?? "RETURN_OR_REFUND_REQUEST_PENDING",
        arbitration_status: row.status === "ESCALATED" ? "IN_PROGRESS" : undefined,
        role: "BUYER",
        return_reason: reasonNameOf(row.reasonKey),
        return_reason_text: english().render(reasonLabel(row.reasonKey)),
        create_time: unix(row.openedAt),
        update_time: unix(row.closedAt ?? row.order.updatedAt),
        refund_amount: { currency: row.order.currency, refund_subtotal: decimal(row.order.itemsMinor), refund_shipping_fee: decimal(row.order.shippingFeeMinor), refund_total: decimal(row.refundMinor ?? row.order.totalMinor) },
        ...(row.offerMinor !== null ? { seller_proposed_return_type: "PARTIAL_REFUND", partial_refund: { amount: decimal(row.offerMinor), currency: row.order.currency } } : {}),
        ...(row.trackingNumber ? { return_tracking_number: row.trackingNumber, return_provider_name: row.carrier ?? "" } : {}),
        ...(row.returnMethod ? { return_method: row.returnMethod === "PREPAID_LABEL" ? "PLATFORM_SHIPPED" : "SELLER_ARRANGE" } : {}),
        seller_next_action_response: next,
      };
    }),
    next_page_token: page.next,
    total_count: total,
  };
}

async function caseOfShop(ctx: ApiContext) {
  const found = await ctx.read.returnCase.findFirst({ where: { id: ctx.params.return_id, shopId: ctx.shop.id }, select: { id: true, orderId: true, type: true, status: true, openedAt: true, order: { select: { currency: true } } } });
  if (!found) throw API_ERRORS.unknownId("return_id");
  return found;
}

const approveBody = z
  .object({
    decision: z.enum(["APPROVE_REFUND", "APPROVE_RETURN", "APPROVE_RECEIVED_PACKAGE", "OFFER_PARTIAL_REFUND"], { error: "`decision` must be APPROVE_REFUND, APPROVE_RETURN, APPROVE_RECEIVED_PACKAGE or OFFER_PARTIAL_REFUND." }).describe("APPROVE_REFUND answers a refund-only request, APPROVE_RETURN a return and refund; APPROVE_RECEIVED_PACKAGE accepts the parcel that came back; OFFER_PARTIAL_REFUND offers part of the money instead."),
    partial_refund: z.object({ amount: z.union([z.string(), z.number()]).describe("A decimal, as \"12.50\"."), currency: z.string().max(3) }).optional().describe("With OFFER_PARTIAL_REFUND: the amount offered, in the order's currency."),
    buyer_keep_item: z.boolean().optional(),
  })
  .passthrough();

async function approve(ctx: ApiContext, body: z.output<typeof approveBody>) {
  const found = await caseOfShop(ctx);
  const { decision } = body;
  let command: Command;
  if (decision === "APPROVE_RECEIVED_PACKAGE") command = { type: found.type === "REFUSED_PARCEL" ? "CONFIRM_REFUSED_PARCEL" : "ACCEPT_RETURNED_PARCEL" };
  else if (decision === "OFFER_PARTIAL_REFUND") {
    const amount = minorOf(body.partial_refund?.amount);
    if (amount === null) throw API_ERRORS.badParam("OFFER_PARTIAL_REFUND needs `partial_refund.amount` as a decimal (\"12.50\").");
    if (body.partial_refund!.currency !== found.order.currency) throw API_ERRORS.badParam(`\`partial_refund.currency\` must be the order's, ${found.order.currency}.`);
    command = { type: "OFFER_PARTIAL_REFUND", amountMinor: amount };
  } else {
    // APPROVE_REFUND answers a refund-only request; APPROVE_RETURN a return and refund (the platform's rule).
    if (decision === "APPROVE_REFUND" && found.type === "RETURN_AND_REFUND") throw API_ERRORS.badParam("This is a return and refund request: the decision is APPROVE_RETURN.");
    if (decision === "APPROVE_RETURN" && found.type === "REFUND_ONLY") throw API_ERRORS.badParam("This is a refund-only request: the decision is APPROVE_REFUND.");
    command = { type: "APPROVE_RETURN" };
  }
  await runAsSeller(ctx, found.orderId, command);
  return {};
}

const rejectBody = z
  .object({
    decision: z.enum(["REJECT_REFUND", "REJECT_RETURN", "REJECT_RECEIVED_PACKAGE"], { error: "`decision` must be REJECT_REFUND, REJECT_RETURN or REJECT_RECEIVED_PACKAGE." }).describe("REJECT_REFUND or REJECT_RETURN turns the request down; REJECT_RECEIVED_PACKAGE disputes the parcel that came back."),
    reject_reason: z.string({ error: "`reject_reason` is required." }).min(1, "`reject_reason` is required.").max(120).describe("A name from GET /return_refund/202309/reject_reasons."),
    comment: z.string().max(1000).optional(),
    images: z.array(z.unknown()).max(6).optional().describe("With REJECT_RECEIVED_PACKAGE: the photos of what came back (their number counts)."),
  })
  .passthrough();

async function reject(ctx: ApiContext, body: z.output<typeof rejectBody>) {
  const found = await caseOfShop(ctx);
  const receipt = body.decision === "REJECT_RECEIVED_PACKAGE";
  const reason = reasonByName(receipt ? "SELLER_REJECT_RECEIPT" : "SELLER_REJECT_RETURN", body.reject_reason);
  if (!reason) throw API_ERRORS.badParam(`\`reject_reason\` "${body.reject_reason}" is not a reason for ${receipt ? "rejecting a returned package" : "rejecting a request"}: see GET /return_refund/202309/reject_reasons.`);
  const command: Command = receipt ? { type: "REJECT_RETURNED_PARCEL", reasonKey: reason.key, photoCount: body.images?.length ?? 0 } : { type: "REJECT_RETURN", reasonKey: reason.key };
  await runAsSeller(ctx, found.orderId, command);
  return {};
}

/** The request's history: the order's events since it was opened, oldest first. */
async function records(ctx: ApiContext) {
  const found = await caseOfShop(ctx);
  const events = await ctx.read.orderEvent.findMany({ where: { orderId: found.orderId, at: { gte: found.openedAt } }, orderBy: { seq: "asc" }, take: 200, select: { type: true, actorRole: true, summary: true, at: true } });
  return { records: events.map((event) => ({ event: event.type, role: event.actorRole, description: event.summary, create_time: unix(event.at), note: "", images: [] })) };
}

export const RETURN_ROUTES: ApiRoute[] = [
  apiRoute({ method: "POST", path: "/return_refund/202309/returns/search", shop: true, summary: "Search the shop's refund and return requests, newest first.", query: PAGE_QUERY, body: searchBody, handle: search }),
  apiRoute({ method: "POST", path: "/return_refund/202309/returns/{return_id}/approve", shop: true, summary: "Approve a request, accept a returned package, or offer a partial refund.", query: IDEMPOTENCY_QUERY, body: approveBody, handle: approve }),
  apiRoute({ method: "POST", path: "/return_refund/202309/returns/{return_id}/reject", shop: true, summary: "Reject a request or a returned package with a reason.", query: IDEMPOTENCY_QUERY, body: rejectBody, handle: reject }),
  apiRoute({ method: "GET", path: "/return_refund/202309/returns/{return_id}/records", shop: true, summary: "A request's history, oldest first.", handle: records }),
  ...AFTERSALE_ROUTES,
];
