import "server-only";
/**
 * What an after-sales request could do before anyone sends it (issue 31): `aftersale_eligibility`
 * asks the engine which requests the buyer (or the seller) could make on an order now, with the
 * engine's reason when not; `refunds/calculate` returns what a request would refund, computed by the
 * same function that computes the refund when it happens. Both read; neither changes anything.
 */
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { decimal } from "@/lib/api/money";
import { reasonByName } from "@/lib/api/reasons";
import { english } from "@/lib/i18n/translator";
import {
  availableActions,
  caseTypesFor,
  policyFor,
  previewRefund,
  reasonAllows,
  reasonsFor,
  type Actor,
  type AvailableAction,
  type CommandType,
  type OrderState,
  type RequestCaseType,
} from "@/lib/order";
import { orderStateSelect, toOrderState } from "../../orders/order-state";
import { apiRoute, type ApiContext, type ApiRoute } from "../gateway";

/** The code an ineligible request carries: the one the request itself would be refused with. */
const INELIGIBLE_CODE = 25001021;

type RequestType = "CANCEL" | "REFUND_ONLY" | "RETURN_AND_REFUND";
const REQUEST_TYPES: readonly RequestType[] = ["CANCEL", "REFUND_ONLY", "RETURN_AND_REFUND"];

async function orderOfShop(ctx: ApiContext, orderId: string) {
  const [row, items] = await Promise.all([
    ctx.read.order.findFirst({ where: { id: orderId, shopId: ctx.shop.id }, select: orderStateSelect }),
    ctx.read.orderItem.findMany({ where: { orderId, order: { shopId: ctx.shop.id } }, orderBy: { id: "asc" }, select: { id: true, productId: true, quantity: true } }),
  ]);
  if (!row) throw API_ERRORS.unknownId("order_id");
  // Line items as GET /order/202309/orders names them: one per unit.
  const lines = items.map((item) => ({ skuId: item.productId, lineIds: Array.from({ length: item.quantity }, (_, i) => `${item.id}-${i + 1}`) }));
  return { state: toOrderState(row), policy: policyFor(row.policyProfile), lines };
}

type Eligibility = { eligible: true } | { eligible: false; why: string };

const say = (action: AvailableAction | undefined): string => (action?.reason ? english().render(action.reason) : "The rules do not allow this request on this order now.");

/** Whether the buyer (or the seller) could make each kind of request now, by the engine's own actions. */
function eligibility(state: OrderState, user: "BUYER" | "SELLER", now: Date, policy: ReturnType<typeof policyFor>): Record<RequestType, Eligibility> {
  const actor: Actor = user === "BUYER" ? { role: "BUYER", id: state.buyerId } : { role: "SELLER", id: null };
  const actions = new Map(availableActions(state, actor, now, policy).map((action) => [action.command, action]));
  const open = (...commands: CommandType[]) => commands.some((command) => actions.get(command)?.enabled);
  const closed = (...commands: CommandType[]): Eligibility => ({ eligible: false, why: say(commands.map((command) => actions.get(command)).find((action) => action?.reason)) });
  if (user === "SELLER") {
    const notSellers: Eligibility = { eligible: false, why: "A refund or a return is the buyer's request: the seller answers it (or cancels the order before it ships)." };
    return { CANCEL: open("SELLER_CANCEL") ? { eligible: true } : closed("SELLER_CANCEL"), REFUND_ONLY: notSellers, RETURN_AND_REFUND: notSellers };
  }
  const request = (caseType: RequestCaseType): Eligibility => {
    if (!open("REQUEST_RETURN")) return closed("REQUEST_RETURN");
    if (!caseTypesFor(state.status).includes(caseType)) return { eligible: false, why: "A return needs the parcel delivered first: before delivery the buyer can ask for a refund only." };
    return { eligible: true };
  };
  return {
    CANCEL: open("BUYER_CANCEL", "REQUEST_CANCEL") ? { eligible: true } : closed("REQUEST_CANCEL", "BUYER_CANCEL"),
    REFUND_ONLY: request("REFUND_ONLY"),
    RETURN_AND_REFUND: request("RETURN_AND_REFUND"),
  };
}

const ELIGIBILITY_QUERY = z.object({
  initiate_aftersale_user: z.enum(["BUYER", "SELLER"]).default("BUYER").describe("Whose request: the buyer's (cancel, refund, return) or the seller's (cancel)."),
});

async function aftersaleEligibility(ctx: ApiContext) {
  const parsed = ELIGIBILITY_QUERY.safeParse({ initiate_aftersale_user: ctx.query.get("initiate_aftersale_user") ?? undefined });
  if (!parsed.success) throw API_ERRORS.badParam("`initiate_aftersale_user` must be BUYER or SELLER.");
  const { state, policy, lines } = await orderOfShop(ctx, ctx.params.order_id!);
  const verdicts = eligibility(state, parsed.data.initiate_aftersale_user, ctx.now, policy);
  return {
    sku_eligibility: lines.map((line) => ({
      sku_id: line.skuId,
      line_item_eligibility: REQUEST_TYPES.map((type) => {
        const verdict = verdicts[type];
        return { request_type: type, order_line_items_ids: line.lineIds, eligible: verdict.eligible, ...(verdict.eligible ? {} : { ineligible_code: INELIGIBLE_CODE, ineligible_reason: verdict.why }) };
      }),
    })),
  };
}

const calculateBody = z
  .object({
    order_id: z.string({ error: "`order_id` is required." }).min(1, "`order_id` is required.").max(100),
    // The documentation's names; `REFUND` is how one public SDK spells a refund-only request (ADR 025).
    request_type: z
      .enum(["CANCEL", "REFUND_ONLY", "RETURN_AND_REFUND", "REFUND"], { error: "`request_type` must be CANCEL, REFUND_ONLY or RETURN_AND_REFUND." })
      .transform((type): RequestType => (type === "REFUND" ? "REFUND_ONLY" : type))
      .describe("CANCEL, REFUND_ONLY or RETURN_AND_REFUND."),
    reason_name: z.string({ error: "`reason_name` is required." }).min(1, "`reason_name` is required.").max(120).describe("The reason the request would give, by the platform's name."),
    order_line_item_ids: z.array(z.string().max(120)).max(200).optional().describe("Every line of the order, or leave it out: this sandbox refunds whole orders."),
    shipment_type: z.enum(["PLATFORM", "BUYER_ARRANGE"]).optional().describe("How a return travels: the platform's prepaid label, or arranged by the buyer."),
    handover_method: z.string().max(30).optional(),
  })
  .passthrough();

/** What a request would refund now: the refund the engine would make, in the platform's fields. */
async function calculate(ctx: ApiContext, body: z.output<typeof calculateBody>) {
  const { state, policy, lines } = await orderOfShop(ctx, body.order_id);
  if (body.order_line_item_ids && body.order_line_item_ids.length > 0) {
    const all = lines.flatMap((line) => line.lineIds);
    const unknown = body.order_line_item_ids.find((id) => !all.includes(id));
    if (unknown) throw API_ERRORS.unknownId("order_line_item_ids");
    if (new Set(body.order_line_item_ids).size !== all.length) throw API_ERRORS.refused("This sandbox refunds whole orders: name every line of the order, or leave `order_line_item_ids` out.");
  }
  const type = body.request_type;
  const verdict = eligibility(state, "BUYER", ctx.now, policy)[type];
  const sellerVerdict = type === "CANCEL" ? eligibility(state, "SELLER", ctx.now, policy).CANCEL : verdict;
  if (!verdict.eligible && !sellerVerdict.eligible) throw API_ERRORS.refused(verdict.why);
  const amount = (itemsMinor: number, shippingMinor: number, totalMinor: number) => ({
    order_refund_amount: { currency: state.currency, refund_total: decimal(totalMinor), refund_subtotal: decimal(itemsMinor), refund_shipping_fee: decimal(shippingMinor), refund_tax: decimal(0), retail_delivery_fee: decimal(0) },
  });
  if (type === "CANCEL") {
    const reason = reasonByName("BUYER_CANCEL", body.reason_name) ?? reasonByName("SELLER_CANCEL", body.reason_name);
    if (!reason) throw API_ERRORS.badParam(`\`reason_name\` "${body.reason_name}" is not a reason for cancelling.`);
    // A cancel before the parcel leaves refunds everything paid.
    return amount(state.itemsMinor, state.shippingFeeMinor, state.totalMinor);
  }
  const reason = reasonByName("RETURN_REFUND", body.reason_name);
  if (!reason || !reasonsFor("RETURN_REFUND", state.status).some((allowed) => allowed.key === reason.key)) throw API_ERRORS.badParam(`\`reason_name\` "${body.reason_name}" is not a reason for a request on an order in ${state.status}.`);
  if (!reasonAllows(reason.key, type)) throw API_ERRORS.refused(`The reason "${body.reason_name}" does not allow a ${type === "REFUND_ONLY" ? "refund-only request" : "return and refund"}.`);
  const method = body.shipment_type === "BUYER_ARRANGE" ? "SELF_ARRANGED" : body.shipment_type === "PLATFORM" ? "PREPAID_LABEL" : null;
  const breakdown = previewRefund(state, { caseType: type, reasonKey: reason.key, method: method && policy.returnMethods.includes(method) ? method : null }, policy);
  return {
    ...amount(breakdown.itemsMinor, breakdown.shippingMinor, breakdown.totalMinor),
    // The sandbox's own addition: what is kept from the refund, and why (the platform shows it only in the app).
    sandbox_deductions: {
      return_postage: decimal(breakdown.postageDeductedMinor),
      return_postage_paid_by: breakdown.postagePaidBy ?? "",
      return_fee: decimal(breakdown.feeMinor),
    },
  };
}

export const AFTERSALE_ROUTES: ApiRoute[] = [
  apiRoute({ method: "GET", path: "/return_refund/202309/orders/{order_id}/aftersale_eligibility", shop: true, summary: "Which requests the buyer (or the seller) could make on an order now, with the rules' reason when not.", query: ELIGIBILITY_QUERY, handle: aftersaleEligibility }),
  apiRoute({ method: "POST", path: "/return_refund/202309/refunds/calculate", shop: true, summary: "What a cancel, refund or return would refund now, as the rules would compute it.", body: calculateBody, handle: calculate }),
];
