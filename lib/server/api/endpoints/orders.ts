import "server-only";
/** The platform's order endpoints (issue 31): search the shop's orders, get them by id — statuses, money and times as the platform writes them. */
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { decimal, unix } from "@/lib/api/money";
import { ORDER_STATUSES } from "@/lib/order";
import { apiRoute, type ApiContext, type ApiRoute } from "../gateway";
import { PAGE_QUERY, pageOf, pageSize } from "./common";
import { reasonNameOf } from "@/lib/api/reasons";

const SELECT = {
  id: true,
  status: true,
  buyerId: true,
  currency: true,
  itemsMinor: true,
  shippingFeeMinor: true,
  totalMinor: true,
  paymentMethod: true,
  placedAt: true,
  paidAt: true,
  dispatchDueAt: true,
  pickedUpAt: true,
  deliveredAt: true,
  cancelReasonKey: true,
  cancelledByRole: true,
  cancelledAt: true,
  updatedAt: true,
  items: { select: { id: true, productId: true, title: true, unitPriceMinor: true, quantity: true } },
  cancelRequest: { select: { status: true } },
} as const;

/** Who the platform says started a cancellation: the buyer whose request was approved (by the seller or by silence), else who cancelled. */
function initiator(row: Row): string {
  if (row.cancelRequest && ["APPROVED", "AUTO_APPROVED"].includes(row.cancelRequest.status)) return "BUYER";
  return row.cancelledByRole === "SUPPORT" || !row.cancelledByRole ? "SYSTEM" : row.cancelledByRole;
}

type Row = Awaited<ReturnType<typeof loadRows>>[number];
const loadRows = (ctx: ApiContext, args: object) => ctx.read.order.findMany({ ...args, select: SELECT });

/** The platform's payment method names. */
const PAYMENT_NAME: Record<string, string> = { CARD: "Credit/debit card", PAYPAL: "PayPal", WALLET: "Platform wallet" };

function platformOrder(row: Row) {
  return {
    id: row.id,
    status: row.status,
    buyer_user_id: row.buyerId,
    create_time: unix(row.placedAt),
    update_time: unix(row.updatedAt),
    paid_time: unix(row.paidAt),
    rts_sla_time: unix(row.dispatchDueAt),
    collection_time: unix(row.pickedUpAt),
    delivery_time: unix(row.deliveredAt),
    is_on_hold_order: row.status === "ON_HOLD",
    payment_method_name: PAYMENT_NAME[row.paymentMethod] ?? row.paymentMethod,
    payment: { currency: row.currency, sub_total: decimal(row.itemsMinor), shipping_fee: decimal(row.shippingFeeMinor), total_amount: decimal(row.totalMinor) },
    line_items: row.items.flatMap((item) => Array.from({ length: item.quantity }, (_, i) => ({ id: `${item.id}-${i + 1}`, product_id: item.productId, product_name: item.title, sale_price: decimal(item.unitPriceMinor), currency: row.currency }))),
    ...(row.status === "CANCELLED"
      ? { cancel_reason: row.cancelReasonKey ? reasonNameOf(row.cancelReasonKey) : "", cancellation_initiator: initiator(row), cancel_time: unix(row.cancelledAt) }
      : {}),
  };
}

const searchBody = z
  .object({
    order_status: z.enum(ORDER_STATUSES, { error: `\`order_status\` must be one of ${ORDER_STATUSES.join(", ")}.` }).optional().describe("Only orders in this status."),
    create_time_ge: z.number().int().optional().describe("Placed at or after (Unix seconds)."),
    create_time_lt: z.number().int().optional().describe("Placed before (Unix seconds)."),
    update_time_ge: z.number().int().optional().describe("Changed at or after (Unix seconds)."),
    update_time_lt: z.number().int().optional().describe("Changed before (Unix seconds)."),
    buyer_user_id: z.string().max(100).optional().describe("Only this buyer's orders."),
  })
  .passthrough();

async function search(ctx: ApiContext, filter: z.output<typeof searchBody>) {
  const size = pageSize(ctx.query);
  const range = (ge?: number, lt?: number) => (ge !== undefined || lt !== undefined ? { ...(ge !== undefined ? { gte: new Date(ge * 1000) } : {}), ...(lt !== undefined ? { lt: new Date(lt * 1000) } : {}) } : undefined);
  const placed = range(filter.create_time_ge, filter.create_time_lt);
  const updated = range(filter.update_time_ge, filter.update_time_lt);
  const where = {
    shopId: ctx.shop.id,
    ...(filter.order_status ? { status: filter.order_status } : {}),
    ...(filter.buyer_user_id ? { buyerId: filter.buyer_user_id } : {}),
    ...(placed ? { placedAt: placed } : {}),
    ...(updated ? { updatedAt: updated } : {}),
  };
  const page = await pageOf(
    ctx.query,
    size,
    (after) => loadRows(ctx, { where: after ? { AND: [where, { OR: [{ placedAt: { lt: after.at } }, { placedAt: after.at, id: { lt: after.id } }] }] } : where, orderBy: [{ placedAt: "desc" }, { id: "desc" }], take: size + 1 }),
    (row) => ({ at: row.placedAt, id: row.id }),
  );
  return { orders: page.rows.map(platformOrder), next_page_token: page.next, total_count: await ctx.read.order.count({ where }) };
}

async function get(ctx: ApiContext) {
  const ids = (ctx.query.get("ids") ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0 || ids.length > 50) throw API_ERRORS.badParam("`ids` must name 1 to 50 orders, separated by commas.");
  const rows = await loadRows(ctx, { where: { id: { in: ids }, shopId: ctx.shop.id } });
  // Another shop's order looks exactly like one that does not exist.
  if (rows.length === 0) throw API_ERRORS.unknownId("ids");
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { orders: ids.flatMap((id) => (byId.has(id) ? [platformOrder(byId.get(id)!)] : [])) };
}

const GET_QUERY = z.object({ ids: z.string().describe("1 to 50 order ids, separated by commas.") });

export const ORDER_ROUTES: ApiRoute[] = [
  apiRoute({ method: "POST", path: "/order/202309/orders/search", shop: true, summary: "Search the shop's orders, newest first.", query: PAGE_QUERY, body: searchBody, handle: search }),
  apiRoute({ method: "GET", path: "/order/202309/orders", shop: true, summary: "The shop's orders by id.", query: GET_QUERY, handle: get }),
];
