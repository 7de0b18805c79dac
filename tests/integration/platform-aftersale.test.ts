/**
 * `aftersale_eligibility` and `refunds/calculate` (issue 31): what the buyer (or the seller) could ask
 * for on an order now, with the rules' reason when not, and what a request would refund — the figure
 * the refund then really has when the request is made and approved. Both only read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokShopSDK } from "tiktok-shop-sdk";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createApp } from "@/lib/server/api/credentials";
import { pointPlatformAtThisApp, signedCall, type Credentials } from "../support/local-platform";

let restore: () => void = () => undefined;
let creds: Credentials;
let sdk: TikTokShopSDK;

type Line = { request_type: string; eligible: boolean; ineligible_code?: number; ineligible_reason?: string; order_line_items_ids: string[] };
type Amount = { currency: string; refund_total: string; refund_subtotal: string; refund_shipping_fee: string };

const post = (path: string, body: unknown) => signedCall(creds, path, { body: JSON.stringify(body) });
const get = (path: string, query: Record<string, string> = {}) => signedCall(creds, path, { method: "GET", query });

async function eligibility(orderId: string, user?: "BUYER" | "SELLER"): Promise<Record<string, Line>> {
  const answer = await get(`/return_refund/202309/orders/${orderId}/aftersale_eligibility`, user ? { initiate_aftersale_user: user } : {});
  expect(answer.json.code, answer.json.message).toBe(0);
  const skus = answer.json.data.sku_eligibility as { sku_id: string; line_item_eligibility: Line[] }[];
  expect(skus.length).toBeGreaterThan(0);
  return Object.fromEntries(skus[0]!.line_item_eligibility.map((line) => [line.request_type, line]));
}

async function order(status: string, minutesAgo?: number): Promise<string> {
  const made = await post("/sandbox/202309/orders", { status, placed_minutes_ago: minutesAgo });
  expect(made.json.code, made.json.message).toBe(0);
  return (made.json.data as { order_id: string }).order_id;
}

beforeAll(async () => {
  await seedDemoWorld(db, new Date(), { orders: false });
  restore = pointPlatformAtThisApp();
  const demoApp = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "Eligibility" }, new Date());
  const boot = new TikTokShopSDK({ appKey: demoApp.appKey, appSecret: demoApp.appSecret });
  const bootToken = (await boot.auth.getAccessToken({ auth_code: demoApp.authCode, grant_type: "authorized_code" })).data!.access_token!;
  const bootCipher = ((await (boot.setAccessToken(bootToken), boot.shop.getAuthorizedShops())).data as { shops: { cipher: string }[] }).shops[0]!.cipher;
  // A world of this test's own, made through the API, as a CI run makes one.
  const world = await signedCall({ appKey: demoApp.appKey, appSecret: demoApp.appSecret, accessToken: bootToken, cipher: bootCipher }, "/sandbox/202309/worlds", { body: JSON.stringify({ name: "eligibility" }) });
  const made = world.json.data as { app_key: string; app_secret: string; auth_code: string };
  sdk = new TikTokShopSDK({ appKey: made.app_key, appSecret: made.app_secret });
  const token = (await sdk.auth.getAccessToken({ auth_code: made.auth_code, grant_type: "authorized_code" })).data!.access_token!;
  sdk.setAccessToken(token);
  const cipher = ((await sdk.shop.getAuthorizedShops()).data as { shops: { cipher: string }[] }).shops[0]!.cipher;
  sdk.setShopCipher(cipher);
  creds = { appKey: made.app_key, appSecret: made.app_secret, accessToken: token, cipher };
}, 60_000);

afterAll(() => restore());

describe("aftersale eligibility", () => {
  it("before shipping the buyer may cancel but not return; the seller may cancel; nothing changes", async () => {
    const orderId = await order("AWAITING_SHIPMENT");
    const before = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, status: true } });
    const buyer = await eligibility(orderId);
    expect(buyer.CANCEL).toMatchObject({ eligible: true });
    expect(buyer.CANCEL!.ineligible_reason).toBeUndefined();
    expect(buyer.RETURN_AND_REFUND).toMatchObject({ eligible: false, ineligible_code: 25001021, ineligible_reason: expect.any(String) });
    expect(buyer.RETURN_AND_REFUND!.ineligible_reason!.length).toBeGreaterThan(20);
    // Line ids as GET /order/202309/orders names them.
    const listed = (await get("/order/202309/orders", { ids: orderId })).json.data.orders as { line_items: { id: string }[] }[];
    expect(buyer.CANCEL!.order_line_items_ids).toEqual(listed[0]!.line_items.map((line) => line.id));

    const seller = await eligibility(orderId, "SELLER");
    expect(seller.CANCEL).toMatchObject({ eligible: true });
    expect(seller.REFUND_ONLY).toMatchObject({ eligible: false, ineligible_reason: expect.stringContaining("buyer") });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, status: true } })).toEqual(before);
  });

  it("once delivered a cancel becomes a refund or a return, with the rules' reason; through the SDK too", async () => {
    const orderId = await order("DELIVERED");
    const buyer = await eligibility(orderId, "BUYER");
    expect(buyer.CANCEL).toMatchObject({ eligible: false, ineligible_reason: expect.stringMatching(/return|refund/i) });
    expect(buyer.REFUND_ONLY).toMatchObject({ eligible: true });
    expect(buyer.RETURN_AND_REFUND).toMatchObject({ eligible: true });
    const viaSdk = await sdk.return_refund.getAftersaleEligibility({ order_id: orderId, query: { initiate_aftersale_user: "SELLER" } });
    expect(viaSdk.data!.sku_eligibility[0]!.line_item_eligibility.find((line) => line.request_type === "CANCEL")).toMatchObject({ eligible: false });
  });

  it("refuses another shop's order, an unknown order and an unknown initiator", async () => {
    const other = await db.order.findFirst({ where: { shopId: { not: { endsWith: "shop-maple" } } }, select: { id: true } });
    const unknown = await get("/return_refund/202309/orders/no-such-order/aftersale_eligibility");
    expect(unknown).toMatchObject({ status: 404, json: { code: 36009004, message: expect.stringContaining("order_id") } });
    if (other) expect((await get(`/return_refund/202309/orders/${other.id}/aftersale_eligibility`)).json.code).toBe(36009004);
    const orderId = await order("AWAITING_SHIPMENT");
    expect((await get(`/return_refund/202309/orders/${orderId}/aftersale_eligibility`, { initiate_aftersale_user: "CARRIER" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("BUYER or SELLER") });
  });
});

describe("refunds/calculate", () => {
  it("a cancel before shipping refunds everything paid", async () => {
    const orderId = await order("AWAITING_SHIPMENT");
    const placed = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    const answer = await post("/return_refund/202309/refunds/calculate", { order_id: orderId, request_type: "CANCEL", reason_name: "no_longer_needed" });
    expect(answer.json.code, answer.json.message).toBe(0);
    const amount = (answer.json.data as { order_refund_amount: Amount }).order_refund_amount;
    expect(amount).toMatchObject({ currency: placed.currency, refund_total: (placed.totalMinor / 100).toFixed(2), refund_shipping_fee: (placed.shippingFeeMinor / 100).toFixed(2) });
  });

  it("predicts the refund a change-of-mind return really makes, and a seller-fault refund gives the shipping back", async () => {
    const orderId = await order("DELIVERED");
    const calculated = await sdk.return_refund.calculateCancellation({ order_id: orderId, request_type: "RETURN_AND_REFUND", reason_name: "ecom_order_delivered_refund_and_return_reason_no_longer_needed_new" });
    const predicted = calculated.data!.order_refund_amount!;
    expect(predicted.refund_shipping_fee).toBe("0.00");

    const damaged = await post("/return_refund/202309/refunds/calculate", { order_id: orderId, request_type: "REFUND", reason_name: "damaged" });
    const shippingFee = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).shippingFeeMinor;
    expect((damaged.json.data as { order_refund_amount: Amount }).order_refund_amount.refund_shipping_fee).toBe((shippingFee / 100).toFixed(2));

    // Now the buyer asks, the seller approves, the parcel comes back and is accepted: the refund is the one predicted.
    const opened = await post(`/sandbox/202309/orders/${orderId}/buyer/returns`, { return_type: "RETURN_AND_REFUND", return_reason: "changed_mind" });
    const returnId = (opened.json.data as { return_id: string }).return_id;
    await sdk.return_refund.approveReturn({ return_id: returnId, query: { idempotency_key: "calc-approve" }, body: { decision: "APPROVE_RETURN" } });
    const shipped = await post(`/sandbox/202309/orders/${orderId}/buyer/ship_return`, {});
    expect(shipped.json, shipped.json.message).toMatchObject({ code: 0, data: { return_id: returnId, return_tracking_number: expect.any(String) } });
    for (let i = 0; i < 4 && (await db.returnCase.findUniqueOrThrow({ where: { id: returnId } })).status !== "AWAITING_INSPECTION"; i++) await post("/sandbox/202309/clock/next_deadline", { order_id: orderId });
    await sdk.return_refund.approveReturn({ return_id: returnId, query: { idempotency_key: "calc-receive" }, body: { decision: "APPROVE_RECEIVED_PACKAGE" } });
    const refund = await db.refund.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" } });
    expect((refund.totalMinor / 100).toFixed(2)).toBe(predicted.refund_total);
  });

  it("an order is only made with a past that fits before now: a delivered order placed three hours ago is refused", async () => {
    const count = await db.order.count();
    const refused = await post("/sandbox/202309/orders", { status: "DELIVERED", placed_minutes_ago: 180 });
    expect(refused.json).toMatchObject({ code: 36009004, message: expect.stringMatching(/`placed_minutes_ago` must be at least \d+/) });
    expect(await db.order.count()).toBe(count);
    const made = await order("DELIVERED");
    const now = (await db.order.findUniqueOrThrow({ where: { id: made } })).updatedAt;
    const events = await db.orderEvent.findMany({ where: { orderId: made }, select: { at: true } });
    const world = await db.order.findUniqueOrThrow({ where: { id: made }, select: { worldId: true } });
    const { appTime } = await import("@/lib/server/timers/sim-clock");
    const { systemClock } = await import("@/lib/clock");
    const worldNow = await appTime(db, systemClock, world.worldId);
    expect(events.every((event) => event.at <= worldNow)).toBe(true);
    expect(now.getTime()).toBeLessThanOrEqual(worldNow.getTime());
  });

  it("refuses what the rules refuse, and bad input, with the platform's errors", async () => {
    const delivered = await order("DELIVERED");
    const cancel = await post("/return_refund/202309/refunds/calculate", { order_id: delivered, request_type: "CANCEL", reason_name: "no_longer_needed" });
    expect(cancel.json).toMatchObject({ code: 25001021 });
    const onlyReturn = await post("/return_refund/202309/refunds/calculate", { order_id: delivered, request_type: "REFUND_ONLY", reason_name: "changed_mind" });
    expect(onlyReturn.json).toMatchObject({ code: 25001021, message: expect.stringContaining("refund-only") });
    expect((await post("/return_refund/202309/refunds/calculate", { order_id: delivered, request_type: "SWAP", reason_name: "damaged" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("CANCEL, REFUND_ONLY or RETURN_AND_REFUND") });
    expect((await post("/return_refund/202309/refunds/calculate", { order_id: delivered, request_type: "REFUND_ONLY" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("`reason_name` is required") });
    expect((await post("/return_refund/202309/refunds/calculate", { order_id: delivered, request_type: "REFUND_ONLY", reason_name: "damaged", order_line_item_ids: ["x-1"] })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("order_line_item_ids") });
    expect((await post("/return_refund/202309/refunds/calculate", { order_id: "no-such-order", request_type: "CANCEL", reason_name: "no_longer_needed" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("order_id") });
  });
});
