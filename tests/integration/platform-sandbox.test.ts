/**
 * The sandbox's controls (issue 31): a CI run makes a private world of its own through the API, gets
 * a token for it, and drives whole cases without a browser — an order made at a stage, the buyer's
 * cancel request left unanswered until the clock reaches the seller's deadline (the platform approves
 * it), the carrier picking up and delivering, the buyer's return found by the SDK, a lost parcel
 * cancelled at its deadline. The demo world's clock is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokShopSDK } from "tiktok-shop-sdk";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createApp } from "@/lib/server/api/credentials";
import { pointPlatformAtThisApp, signedCall, type Credentials } from "../support/local-platform";
import { inEnglish } from "../support/order-state";

let restore: () => void = () => undefined;
let demo: Credentials;
let mine: Credentials & { worldId: string; sdk: TikTokShopSDK };

async function tokenFor(appKey: string, appSecret: string, authCode: string): Promise<{ sdk: TikTokShopSDK; creds: Credentials }> {
  const sdk = new TikTokShopSDK({ appKey, appSecret });
  const tokens = await sdk.auth.getAccessToken({ auth_code: authCode, grant_type: "authorized_code" });
  sdk.setAccessToken(tokens.data!.access_token!);
  const cipher = ((await sdk.shop.getAuthorizedShops()).data as { shops: { cipher: string }[] }).shops[0]!.cipher;
  sdk.setShopCipher(cipher);
  return { sdk, creds: { appKey, appSecret, accessToken: tokens.data!.access_token!, cipher } };
}

beforeAll(async () => {
  await seedDemoWorld(db, new Date(), { orders: false });
  restore = pointPlatformAtThisApp();
  const app = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "CI" }, new Date());
  demo = (await tokenFor(app.appKey, app.appSecret, app.authCode)).creds;
}, 60_000);

afterAll(() => restore());

const post = (creds: Credentials, path: string, body: unknown) => signedCall(creds, path, { body: JSON.stringify(body) });

describe("the sandbox's controls", () => {
  it("refuses to move the demo world's clock, and makes a world of the app's own with credentials for it", async () => {
    const refused = await post(demo, "/sandbox/202309/clock/advance", { seconds: 3600 });
    expect(refused.json).toMatchObject({ code: 25001021, message: expect.stringContaining("/sandbox/202309/worlds") });
    const created = await post(demo, "/sandbox/202309/worlds", { name: "CI run" });
    expect(created.json.code).toBe(0);
    const data = created.json.data as { world_id: string; app_key: string; app_secret: string; auth_code: string };
    expect(await db.world.findUniqueOrThrow({ where: { id: data.world_id } })).toMatchObject({ kind: "PRIVATE", template: "PEOPLE_ONLY" });
    const { sdk, creds } = await tokenFor(data.app_key, data.app_secret, data.auth_code);
    mine = { ...creds, worldId: data.world_id, sdk };
    expect(await db.order.count({ where: { worldId: data.world_id } })).toBe(0);
  });

  it("an unanswered cancel request: the clock jumps to the seller's deadline and the platform approves it", async () => {
    const made = await post(mine, "/sandbox/202309/orders", { status: "AWAITING_SHIPMENT", placed_minutes_ago: 180 });
    const orderId = (made.json.data as { order_id: string }).order_id;
    expect(made.json).toMatchObject({ code: 0, data: { status: "AWAITING_SHIPMENT" } });
    const asked = await post(mine, `/sandbox/202309/orders/${orderId}/buyer/cancel`, { cancel_reason: "no_longer_needed" });
    expect(asked.json).toMatchObject({ code: 0, data: { cancel_type: "BUYER_CANCEL", status: "AWAITING_SHIPMENT" } });
    const found = await mine.sdk.return_refund.searchCancellation({ cancel_id: "", query: {}, body: { order_ids: [orderId] } } as never);
    expect((found.data as unknown as { cancellations: { cancel_status: string }[] }).cancellations[0]!.cancel_status).toBe("CANCELLATION_REQUEST_PENDING");
    let jumped = await post(mine, "/sandbox/202309/clock/next_deadline", { order_id: orderId });
    // The seller's answer is due before the dispatch deadline; jump until the platform has answered.
    for (let i = 0; i < 3 && (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status !== "CANCELLED"; i++) jumped = await post(mine, "/sandbox/202309/clock/next_deadline", { order_id: orderId });
    expect(jumped.json.code).toBe(0);
    expect(await db.cancelRequest.findUniqueOrThrow({ where: { orderId } })).toMatchObject({ status: "AUTO_APPROVED" });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "CANCELLED" });
    const after = await mine.sdk.return_refund.searchCancellation({ cancel_id: "", query: {}, body: { order_ids: [orderId] } } as never);
    expect((after.data as unknown as { cancellations: { cancel_status: string }[] }).cancellations[0]!.cancel_status).toBe("CANCELLATION_REQUEST_COMPLETE");
  });

  it("the carrier picks up and delivers; the buyer's return is then the seller's to answer through the API", async () => {
    const orderId = ((await post(mine, "/sandbox/202309/orders", { status: "AWAITING_SHIPMENT", placed_minutes_ago: 180 })).json.data as { order_id: string }).order_id;
    expect((await post(mine, `/sandbox/202309/orders/${orderId}/carrier`, { event: "PICKUP" })).json).toMatchObject({ code: 0, data: { status: "IN_TRANSIT" } });
    expect((await post(mine, `/sandbox/202309/orders/${orderId}/carrier`, { event: "DELIVER" })).json).toMatchObject({ code: 0, data: { status: "DELIVERED" } });
    const opened = await post(mine, `/sandbox/202309/orders/${orderId}/buyer/returns`, { return_type: "RETURN_AND_REFUND", return_reason: "changed_mind" });
    expect(opened.json.code).toBe(0);
    const returnId = (opened.json.data as { return_id: string }).return_id;
    const found = await mine.sdk.return_refund.searchReturn({ query: {}, body: { return_ids: [returnId] } });
    expect(found.data!.return_orders![0]).toMatchObject({ return_status: "RETURN_OR_REFUND_REQUEST_PENDING", return_type: "RETURN_AND_REFUND" });
    await mine.sdk.return_refund.approveReturn({ return_id: returnId, query: { idempotency_key: "ci-approve" }, body: { decision: "APPROVE_RETURN" } });
    expect(await db.returnCase.findUniqueOrThrow({ where: { id: returnId } })).toMatchObject({ status: "AWAITING_SHIPBACK" });
  });

  it("a lost parcel is cancelled and refunded at its deadline; bad controls are refused with the platform's error", async () => {
    const orderId = ((await post(mine, "/sandbox/202309/orders", { status: "IN_TRANSIT" })).json.data as { order_id: string }).order_id;
    expect((await post(mine, `/sandbox/202309/orders/${orderId}/carrier`, { event: "LOSE" })).json.code).toBe(0);
    for (let i = 0; i < 3 && (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status !== "CANCELLED"; i++) await post(mine, "/sandbox/202309/clock/next_deadline", { order_id: orderId });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "CANCELLED", cancelReasonKey: "lost_in_transit" });
    expect((await post(mine, `/sandbox/202309/orders/${orderId}/carrier`, { event: "TELEPORT" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("PICKUP, DELIVER or LOSE") });
    expect((await post(mine, "/sandbox/202309/clock/advance", { seconds: -5 })).json).toMatchObject({ code: 36009004 });
    expect((await post(mine, "/sandbox/202309/orders/nope/buyer/cancel", { cancel_reason: "no_longer_needed" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("order_id") });
    expect(inEnglish(await checkOrders(db, (await db.order.findMany({ where: { worldId: mine.worldId }, select: { id: true } })).map((order) => order.id)))).toEqual([]);
  });
});

describe("in a private world copied from the demo world, on its seeded stories", () => {
  it("the seller's seeded cancel request and returned parcel are found and answered through the SDK", async () => {
    const { createWorld } = await import("@/lib/server/worlds/create-world");
    const created = await createWorld(db, { visitorId: "copy-room", name: "Copied", ownerName: "Dana", template: "DEMO_COPY" }, new Date());
    if (!created.ok) throw new Error("no world");
    const world = created.value.worldId;
    const app = await createApp(db, { worldId: world, shopId: `${world}_shop-maple`, sellerId: `${world}_seller-maya`, name: "Copied ERP" }, new Date());
    const { sdk } = await tokenFor(app.appKey, app.appSecret, app.authCode);

    const pending = (await sdk.return_refund.searchCancellation({ cancel_id: "", query: {}, body: { cancel_status: ["CANCELLATION_REQUEST_PENDING"] } } as never)).data as unknown as { cancellations: { cancel_id: string; order_id: string }[] };
    const seeded = await db.cancelRequest.findMany({ where: { status: "PENDING", order: { shopId: `${world}_shop-maple` } }, select: { id: true, orderId: true } });
    expect(seeded.length).toBeGreaterThan(0);
    expect(pending.cancellations.map((c) => c.cancel_id).sort()).toEqual(seeded.map((c) => c.id).sort());
    await sdk.return_refund.approveCancellation({ cancel_id: seeded[0]!.id, query: { idempotency_key: "copy-1" } });
    expect(await db.order.findUniqueOrThrow({ where: { id: seeded[0]!.orderId } })).toMatchObject({ status: "CANCELLED" });

    const inspect = await db.returnCase.findFirstOrThrow({ where: { status: "AWAITING_INSPECTION", order: { shopId: `${world}_shop-maple` } }, select: { id: true, orderId: true } });
    const found = await sdk.return_refund.searchReturn({ query: {}, body: { return_ids: [inspect.id] } });
    expect(found.data!.return_orders![0]).toMatchObject({ return_status: "BUYER_SHIPPED_ITEM", seller_next_action_response: [{ action: "SELLER_RESPOND_RECEIVE_PACKAGE" }] });
    await sdk.return_refund.approveReturn({ return_id: inspect.id, query: { idempotency_key: "copy-2" }, body: { decision: "APPROVE_RECEIVED_PACKAGE" } });
    expect(await db.returnCase.findUniqueOrThrow({ where: { id: inspect.id } })).toMatchObject({ status: "REFUNDED" });
    expect(inEnglish(await checkOrders(db, [seeded[0]!.orderId, inspect.orderId]))).toEqual([]);
  });
});
