import "server-only";
/**
 * The sandbox's own controls (issue 31), signed like every call: a private world of the app's own
 * (with credentials for it), the world's clock moved or jumped to the next deadline, an order made at
 * a stage, the carrier picking up, delivering or losing a parcel, and the buyer asking to cancel or
 * to return — so a test suite drives a whole case without a browser. The clock of the demo world,
 * shared by everyone, never moves.
 */
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { unix } from "@/lib/api/money";
import { english } from "@/lib/i18n/translator";
import { ORDER_STATUSES, RETURN_CARRIERS, RETURN_METHODS, parseDeadlineKey, policyFor, type Command, type DeadlineKind } from "@/lib/order";
import { worldScopedId } from "@/lib/worlds";
import { buildOrder, storyEndsAt } from "../../demo/build-order";
import { SYSTEM_ACTOR, runOrderCommand } from "../../orders/run-order-command";
import { advanceClock, appTime } from "../../timers/sim-clock";
import { nextDeadline, sweepDueDeadlines } from "../../timers/sweep";
import { systemClock } from "@/lib/clock";
import { createWorld } from "../../worlds/create-world";
import { createApp } from "../credentials";
import { apiRoute, type ApiContext, type ApiRoute } from "../gateway";
import { reasonByName } from "@/lib/api/reasons";
import { runAsSeller } from "./common";

async function privateWorld(ctx: ApiContext): Promise<void> {
  const world = await ctx.db.world.findUnique({ where: { id: ctx.shop.worldId }, select: { kind: true } });
  if (world?.kind !== "PRIVATE") throw API_ERRORS.refused("The demo world's clock is shared and cannot move: create a world of your own with POST /sandbox/202309/worlds and use the credentials it returns.");
}

/** After the clock moved or something was brought forward: the timers act on everything now due in the world. */
async function sweepWorld(ctx: ApiContext): Promise<{ now: Date; applied: number }> {
  const now = await appTime(ctx.db, systemClock, ctx.shop.worldId);
  const swept = await sweepDueDeadlines(ctx.db, now, { worldId: ctx.shop.worldId });
  return { now, applied: swept.applied };
}

const worldBody = z.object({ name: z.string().min(1).max(60).optional() }).passthrough();

/** A new private world (the shops, people and products, no orders) and an app in it for the same shop. */
async function newWorld(ctx: ApiContext, body: z.output<typeof worldBody>) {
  const created = await createWorld(ctx.db, { visitorId: `api:${ctx.app.id}`, name: body.name ?? "API sandbox", ownerName: "API", template: "PEOPLE_ONLY" }, ctx.realNow);
  if (!created.ok) throw API_ERRORS.refused(english().render(created.error.message));
  const worldId = created.value.worldId;
  const seedShop = ctx.shop.id.includes("_") ? ctx.shop.id.slice(ctx.shop.id.indexOf("_") + 1) : ctx.shop.id;
  const shopId = worldScopedId(worldId, seedShop);
  const seller = await ctx.db.user.findFirstOrThrow({ where: { shopId, role: "SELLER" }, select: { id: true } });
  const app = await createApp(ctx.db, { worldId, shopId, sellerId: seller.id, name: "API sandbox" }, ctx.realNow);
  return { world_id: worldId, app_key: app.appKey, app_secret: app.appSecret, auth_code: app.authCode, auth_code_expire_in: unix(app.codeExpiresAt) };
}

const advanceBody = z.object({ seconds: z.number().int().min(1).max(400 * 86_400) }).strict();

async function advance(ctx: ApiContext, { seconds }: z.output<typeof advanceBody>) {
  await privateWorld(ctx);
  const from = await appTime(ctx.db, systemClock, ctx.shop.worldId);
  await advanceClock(ctx.db, new Date(from.getTime() + seconds * 1000), `API: +${seconds} s`, ctx.seller.id, systemClock, ctx.shop.worldId);
  const { now, applied } = await sweepWorld(ctx);
  return { from_time: unix(from), to_time: unix(now), timers_applied: applied };
}

const nextBody = z.object({ order_id: z.string().max(100).optional() }).passthrough();

async function toNextDeadline(ctx: ApiContext, { order_id }: z.output<typeof nextBody>) {
  await privateWorld(ctx);
  const from = await appTime(ctx.db, systemClock, ctx.shop.worldId);
  const next = order_id
    ? await ctx.db.deadline.findFirst({ where: { orderId: order_id, shopId: ctx.shop.id, resolvedAt: null, dueAt: { gt: from }, NOT: { kind: { contains: "_REMINDER" } } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: { kind: true, dueAt: true, orderId: true } })
    : await nextDeadline(ctx.db, from, { shopId: ctx.shop.id });
  if (!next) throw API_ERRORS.refused("Nothing is waiting for a deadline.");
  await advanceClock(ctx.db, next.dueAt, "API: next deadline", ctx.seller.id, systemClock, ctx.shop.worldId);
  const { now, applied } = await sweepWorld(ctx);
  const deadline = "kind" in next ? (parseDeadlineKey(next.kind)?.kind ?? next.kind) : english().render(next.label);
  return { deadline, order_id: next.orderId, from_time: unix(from), to_time: unix(now), timers_applied: applied };
}

const orderBody = z
  .object({
    buyer_user_id: z.string().min(1).max(100).optional(),
    product_ids: z.array(z.string().min(1).max(100)).min(1).max(10).optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    placed_minutes_ago: z.number().int().min(0).max(60 * 24 * 60).optional().describe("How long ago it was placed; left out, just long enough for its story to have happened by now."),
    payment_method: z.enum(["CARD", "PAYPAL", "WALLET"]).optional(),
  })
  .strict();

/** An order of this shop at a stage, made through the engine as the seed makes its stories. */
async function newOrder(ctx: ApiContext, body: z.output<typeof orderBody>) {
  const buyerId = body.buyer_user_id ?? worldScopedId(ctx.shop.worldId, "buyer-ben");
  const buyer = await ctx.db.user.findFirst({ where: { id: buyerId, worldId: ctx.shop.worldId, role: "BUYER" }, select: { id: true } });
  if (!buyer) throw API_ERRORS.unknownId("buyer_user_id");
  const products = body.product_ids
    ? await ctx.db.product.findMany({ where: { id: { in: body.product_ids }, shopId: ctx.shop.id }, select: { id: true, priceMinor: true } })
    : await ctx.db.product.findMany({ where: { shopId: ctx.shop.id }, orderBy: { id: "asc" }, take: 1, select: { id: true, priceMinor: true } });
  if (products.length === 0 || (body.product_ids && products.length !== new Set(body.product_ids).size)) throw API_ERRORS.unknownId("product_ids");
  const now = await appTime(ctx.db, systemClock, ctx.shop.worldId);
  const status = body.status ?? "AWAITING_SHIPMENT";
  const facts = { itemsMinor: products.reduce((sum, product) => sum + product.priceMinor, 0), shippingFeeMinor: 599, paymentMethod: body.payment_method ?? "CARD" } as const;
  const endsAt = (minutesAgo: number) => storyEndsAt(status, new Date(now.getTime() - minutesAgo * 60_000), ctx.shop.policyProfile, facts);
  let minutesAgo = body.placed_minutes_ago ?? 120;
  if (body.placed_minutes_ago === undefined) {
    // Old enough for its story to have happened by now (the carrier's days included), and no older.
    for (let i = 0; i < 4 && endsAt(minutesAgo) > now; i++) minutesAgo += Math.ceil((endsAt(minutesAgo).getTime() - now.getTime()) / 60_000) + 1;
  } else if (endsAt(minutesAgo) > now) {
    const needed = Math.ceil((endsAt(minutesAgo).getTime() - now.getTime()) / 60_000) + minutesAgo;
    throw API_ERRORS.badParam(`An order reaches ${status} about ${needed} minutes after it is placed: \`placed_minutes_ago\` must be at least ${needed}, or left out.`);
  }
  const order = await buildOrder(ctx.db, {
    buyerId: buyer.id,
    shopId: ctx.shop.id,
    items: products.map((product) => ({ productId: product.id, quantity: 1 })),
    shippingFeeMinor: 599,
    paymentMethod: facts.paymentMethod,
    status,
    placedAt: new Date(now.getTime() - minutesAgo * 60_000),
  });
  const row = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  return { order_id: order.id, status: row.status };
}

async function orderOfShop(ctx: ApiContext): Promise<{ id: string; buyerId: string; status: string }> {
  const order = await ctx.db.order.findFirst({ where: { id: ctx.params.order_id, shopId: ctx.shop.id }, select: { id: true, buyerId: true, status: true } });
  if (!order) throw API_ERRORS.unknownId("order_id");
  return order;
}

/** Runs a command as the order's buyer; the engine's answer as it is. */
async function asBuyer(ctx: ApiContext, order: { id: string; buyerId: string }, command: Command) {
  const buyer = await ctx.db.user.findUniqueOrThrow({ where: { id: order.buyerId }, select: { id: true, name: true } });
  return runOrderCommand(ctx.db, { id: buyer.id, worldId: ctx.shop.worldId, role: "BUYER", name: buyer.name, shopId: null, shopName: null }, { orderId: order.id, command }, ctx.now);
}

/** As the buyer, or the platform's refusal with the engine's reason. */
async function asBuyerOrRefuse(ctx: ApiContext, order: { id: string; buyerId: string }, command: Command): Promise<void> {
  const result = await asBuyer(ctx, order, command);
  if (!result.ok) throw API_ERRORS.refused(english().render(result.error.message));
}

const carrierBody = z.object({ event: z.enum(["PICKUP", "DELIVER", "LOSE"], { error: "`event` must be PICKUP, DELIVER or LOSE." }) }).strict();
const HURRY: Record<"PICKUP" | "DELIVER", DeadlineKind> = { PICKUP: "CARRIER_PICKUP", DELIVER: "DELIVERY" };

/** The simulated carrier: picks the parcel up (shipment arranged first if it was not), delivers it, or loses it. */
async function carrier(ctx: ApiContext, { event }: z.output<typeof carrierBody>) {
  const order = await orderOfShop(ctx);
  if (event === "LOSE") {
    const result = await runOrderCommand(ctx.db, SYSTEM_ACTOR, { orderId: order.id, command: { type: "LOSE_PARCEL" } }, ctx.now);
    if (!result.ok) throw API_ERRORS.refused(english().render(result.error.message));
  } else {
    if (event === "PICKUP" && order.status === "AWAITING_SHIPMENT") await runAsSeller(ctx, order.id, { type: "ARRANGE_SHIPMENT" });
    const deadlines = await ctx.db.deadline.findMany({ where: { orderId: order.id, resolvedAt: null }, select: { kind: true } });
    const due = deadlines.find((deadline) => parseDeadlineKey(deadline.kind)?.kind === HURRY[event]);
    if (!due) throw API_ERRORS.refused(event === "PICKUP" ? "There is no parcel waiting for the carrier: the order is not awaiting collection." : "There is no parcel on its way to deliver.");
    const result = await runOrderCommand(ctx.db, SYSTEM_ACTOR, { orderId: order.id, command: { type: "HURRY_SIMULATION", deadline: due.kind } }, ctx.now);
    if (!result.ok) throw API_ERRORS.refused(english().render(result.error.message));
    await sweepWorld(ctx);
  }
  const after = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  return { order_id: order.id, status: after.status };
}

const cancelBody = z.object({ cancel_reason: z.string().min(1).max(120) }).strict();

/** The buyer cancels: at once where the rules allow it, else a request the seller answers. */
async function buyerCancel(ctx: ApiContext, body: z.output<typeof cancelBody>) {
  const reason = reasonByName("BUYER_CANCEL", body.cancel_reason);
  if (!reason) throw API_ERRORS.badParam(`\`cancel_reason\` "${body.cancel_reason}" is not a buyer's reason for cancelling.`);
  const order = await orderOfShop(ctx);
  // The engine decides which: an instant cancel where the rules allow it, else a request.
  const instant = await asBuyer(ctx, order, { type: "BUYER_CANCEL", reasonKey: reason.key });
  if (!instant.ok) await asBuyerOrRefuse(ctx, order, { type: "REQUEST_CANCEL", reasonKey: reason.key });
  const request = await ctx.db.cancelRequest.findUnique({ where: { orderId: order.id }, select: { id: true, status: true } });
  const after = await ctx.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  return { order_id: order.id, status: after.status, cancel_type: instant.ok ? "CANCEL" : "BUYER_CANCEL", cancel_id: request?.id ?? order.id };
}

const returnBody = z
  .object({
    return_type: z.enum(["REFUND", "RETURN_AND_REFUND"], { error: "`return_type` must be REFUND or RETURN_AND_REFUND." }),
    return_reason: z.string().min(1).max(120),
    description: z.string().max(1000).optional(),
    photo_count: z.number().int().min(0).max(6).optional(),
  })
  .strict();

async function buyerReturn(ctx: ApiContext, body: z.output<typeof returnBody>) {
  const reason = reasonByName("RETURN_REFUND", body.return_reason);
  if (!reason) throw API_ERRORS.badParam(`\`return_reason\` "${body.return_reason}" is not a reason for a request.`);
  const order = await orderOfShop(ctx);
  await asBuyerOrRefuse(ctx, order, { type: "REQUEST_RETURN", caseType: body.return_type === "REFUND" ? "REFUND_ONLY" : "RETURN_AND_REFUND", reasonKey: reason.key, description: body.description ?? "", photoCount: body.photo_count ?? 0 });
  const opened = await ctx.db.returnCase.findFirst({ where: { orderId: order.id }, orderBy: { openedAt: "desc" }, select: { id: true } });
  return { order_id: order.id, return_id: opened?.id ?? "" };
}

const shipBody = z
  .object({
    method: z.enum(RETURN_METHODS, { error: `\`method\` must be ${RETURN_METHODS.join(" or ")}.` }).optional().describe("The platform's prepaid label (where the shop's rules offer one) or a parcel the buyer sends themselves; left out, the first the rules offer."),
    carrier: z.string().max(40).optional().describe(`A self-arranged return's carrier: ${RETURN_CARRIERS.join(", ")}.`),
    tracking_number: z.string().max(40).optional().describe("A self-arranged return's tracking number."),
  })
  .strict();

/** The buyer sends the parcel back (an approved return). */
async function buyerShipReturn(ctx: ApiContext, body: z.output<typeof shipBody>) {
  const order = await orderOfShop(ctx);
  const method = body.method ?? policyFor(ctx.shop.policyProfile).returnMethods[0]!;
  await asBuyerOrRefuse(ctx, order, { type: "SHIP_RETURN", method, carrier: body.carrier ?? "", trackingNumber: body.tracking_number ?? "" });
  const opened = await ctx.db.returnCase.findFirst({ where: { orderId: order.id }, orderBy: { openedAt: "desc" }, select: { id: true, status: true, carrier: true, trackingNumber: true } });
  return { order_id: order.id, return_id: opened?.id ?? "", return_provider_name: opened?.carrier ?? "", return_tracking_number: opened?.trackingNumber ?? "" };
}

export const SANDBOX_ROUTES: ApiRoute[] = [
  apiRoute({ method: "POST", path: "/sandbox/202309/worlds", shop: true, summary: "A private world of your own (shops, people and products, no orders) with an app and an authorization code for the same shop.", body: worldBody, handle: newWorld }),
  apiRoute({ method: "POST", path: "/sandbox/202309/clock/advance", shop: true, summary: "Move the world's clock forward; the timers act on everything that fell due.", body: advanceBody, handle: advance }),
  apiRoute({ method: "POST", path: "/sandbox/202309/clock/next_deadline", shop: true, summary: "Jump the world's clock to the next deadline (of an order, or of the shop) and let its timer act.", body: nextBody, handle: toNextDeadline }),
  apiRoute({ method: "POST", path: "/sandbox/202309/orders", shop: true, summary: "Make an order of this shop at a stage, through the engine.", body: orderBody, handle: newOrder }),
  apiRoute({ method: "POST", path: "/sandbox/202309/orders/{order_id}/carrier", shop: true, summary: "The carrier picks the parcel up, delivers it or loses it.", body: carrierBody, handle: carrier }),
  apiRoute({ method: "POST", path: "/sandbox/202309/orders/{order_id}/buyer/cancel", shop: true, summary: "The buyer cancels: at once where the rules allow it, else a request the seller answers.", body: cancelBody, handle: buyerCancel }),
  apiRoute({ method: "POST", path: "/sandbox/202309/orders/{order_id}/buyer/returns", shop: true, summary: "The buyer asks for a refund, or a return and refund, with a reason.", body: returnBody, handle: buyerReturn }),
  apiRoute({ method: "POST", path: "/sandbox/202309/orders/{order_id}/buyer/ship_return", shop: true, summary: "The buyer sends the parcel of an approved return back (it then travels on the world's clock).", body: shipBody, handle: buyerShipReturn }),
];
