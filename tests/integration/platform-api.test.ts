/**
 * The platform's API (issue 31), driven by a public SDK nobody here wrote (tiktok-shop-sdk 1.0.3, its
 * base URLs rewritten to this app): a seller's app gets a token with the SDK's `auth`, finds its shop's
 * cipher, searches cancellations, approves one, rejects another with a reason from `reject_reasons` —
 * the orders in the database change as the pages would change them. A bad signature, a stale
 * timestamp, another shop's cipher, a replayed idempotency key with another request, an unknown path:
 * the platform's error, and nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokShopSDK } from "tiktok-shop-sdk";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { buildOrder } from "@/lib/server/demo/build-order";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createApp, shopCipher } from "@/lib/server/api/credentials";
import { API_CALLS_PER_SECOND, setApiCallsPerSecond } from "@/lib/server/api/gateway";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { appTime } from "@/lib/server/timers/sim-clock";
import { pointPlatformAtThisApp, signedCall } from "../support/local-platform";
import { inEnglish } from "../support/order-state";

let restore: () => void = () => undefined;
let app: Awaited<ReturnType<typeof createApp>>;
const orders: string[] = [];
const ben: SessionUser = { id: "buyer-ben", worldId: "demo", role: "BUYER", name: "Ben", shopId: null, shopName: null };

beforeAll(async () => {
  await seedDemoWorld(db, new Date(), { orders: false });
  restore = pointPlatformAtThisApp();
  const now = await appTime(db);
  for (const productId of ["p-maple-2", "p-maple-3", "p-maple-4"]) {
    const order = await buildOrder(db, { buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId, quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "AWAITING_SHIPMENT", placedAt: new Date(now.getTime() - 3 * 3_600_000) });
    expect((await runOrderCommand(db, ben, { orderId: order.id, command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" } }, now)).ok).toBe(true);
    orders.push(order.id);
  }
  app = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "My ERP" }, new Date());
}, 60_000);

afterAll(() => restore());

async function signedIn(): Promise<{ sdk: TikTokShopSDK; accessToken: string; cipher: string }> {
  const sdk = new TikTokShopSDK({ appKey: app.appKey, appSecret: app.appSecret });
  const tokens = await sdk.auth.getAccessToken({ auth_code: app.authCode, grant_type: "authorized_code" });
  const accessToken = tokens.data!.access_token!;
  sdk.setAccessToken(accessToken);
  const shops = await sdk.shop.getAuthorizedShops();
  const cipher = (shops.data as { shops: { cipher: string; name: string }[] }).shops[0]!.cipher;
  sdk.setShopCipher(cipher);
  return { sdk, accessToken, cipher };
}

let client: Awaited<ReturnType<typeof signedIn>>;

describe("the SDK against the sandbox", () => {
  it("gets a token with the authorization code (once), and the shop with its cipher", async () => {
    client = await signedIn();
    expect(client.cipher).toBe(shopCipher("shop-maple"));
    const again = new TikTokShopSDK({ appKey: app.appKey, appSecret: app.appSecret });
    await expect(again.auth.getAccessToken({ auth_code: app.authCode, grant_type: "authorized_code" })).rejects.toMatchObject({ code: 36004004, message: expect.stringContaining("already been used") });
  });

  it("searches the shop's cancellations: each pending, with its reason, money as decimals, times in seconds and the seller's deadline", async () => {
    const found = await client.sdk.return_refund.searchCancellation({ cancel_id: "", query: { page_size: "2" }, body: { order_ids: orders } } as never);
    const data = found.data as unknown as { cancellations: Record<string, unknown>[]; next_page_token: string; total_count: number };
    expect(data.total_count).toBe(3);
    expect(data.cancellations).toHaveLength(2);
    expect(data.next_page_token).not.toBe("");
    expect(data.cancellations[0]).toMatchObject({
      cancel_type: "BUYER_CANCEL",
      role: "BUYER",
      cancel_status: "CANCELLATION_REQUEST_PENDING",
      cancel_reason: expect.stringContaining("no_longer_need"),
      refund_amount: { currency: "USD", refund_total: expect.stringMatching(/^\d+\.\d{2}$/) },
      create_time: expect.any(Number),
      seller_next_action_response: [{ action: "SELLER_RESPOND_CANCELLATION", deadline: expect.any(Number) }],
    });
    const rest = await client.sdk.return_refund.searchCancellation({ cancel_id: "", query: { page_size: "2", page_token: data.next_page_token }, body: { order_ids: orders } } as never);
    const second = rest.data as unknown as { cancellations: { cancel_id: string }[]; next_page_token: string };
    expect(second.cancellations).toHaveLength(1);
    expect(second.next_page_token).toBe("");
    expect(new Set([...data.cancellations.map((c) => c.cancel_id), second.cancellations[0]!.cancel_id]).size).toBe(3);
  });

  it("approves one (a retry with the same key refunds once), and rejects another with a reason from reject_reasons", async () => {
    const [first, second] = await Promise.all(orders.slice(0, 2).map((orderId) => db.cancelRequest.findUniqueOrThrow({ where: { orderId } })));
    await client.sdk.return_refund.approveCancellation({ cancel_id: first!.id, query: { idempotency_key: "approve-1" } });
    await client.sdk.return_refund.approveCancellation({ cancel_id: first!.id, query: { idempotency_key: "approve-1" } });
    expect(await db.order.findUniqueOrThrow({ where: { id: orders[0]! } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.refund.count({ where: { orderId: orders[0]! } })).toBe(1);

    const reasons = (await client.sdk.return_refund.getRejectReasons({} as never)).data as unknown as { reasons: { name: string; text: string }[] };
    const packed = reasons.reasons.find((reason) => /packed/i.test(reason.text))!;
    expect(packed).toBeDefined();
    await client.sdk.return_refund.rejectCancellation({ cancel_id: second!.id, body: { reject_reason: packed.name, images: [] } });
    expect(await db.cancelRequest.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ status: "REJECTED", rejectReasonKey: "already_packed" });
    expect(await db.order.findUniqueOrThrow({ where: { id: orders[1]! } })).toMatchObject({ status: "AWAITING_SHIPMENT" });
    expect(inEnglish(await checkOrders(db, orders))).toEqual([]);
  });

  it("a rule refusal says the engine's reason: the request already answered cannot be approved", async () => {
    const answered = await db.cancelRequest.findUniqueOrThrow({ where: { orderId: orders[1]! } });
    await expect(client.sdk.return_refund.approveCancellation({ cancel_id: answered.id, query: {} })).rejects.toMatchObject({ code: 25001021, message: expect.any(String) });
  });
});

describe("orders through the SDK", () => {
  it("searches the shop's orders by status, a page at a time, and gets them by id, never another shop's", async () => {
    const page = await client.sdk.order.getOrderList({ query: { page_size: 2 }, body: { order_status: "AWAITING_SHIPMENT" } } as never);
    const data = page.data as unknown as { orders: Record<string, unknown>[]; next_page_token: string; total_count: number };
    expect(data.orders.length).toBeGreaterThan(0);
    expect(data.orders.every((order) => order.status === "AWAITING_SHIPMENT")).toBe(true);
    expect(data.total_count).toBe(await db.order.count({ where: { shopId: "shop-maple", status: "AWAITING_SHIPMENT" } }));
    expect(data.orders[0]).toMatchObject({ payment: { currency: "USD", total_amount: expect.stringMatching(/^\d+\.\d{2}$/) }, create_time: expect.any(Number), line_items: [expect.objectContaining({ product_name: expect.any(String) })] });
    const cancelled = await client.sdk.order.getOrderDetail({ ids: orders[0]! } as never);
    expect((cancelled.data as unknown as { orders: Record<string, unknown>[] }).orders[0]).toMatchObject({ id: orders[0], status: "CANCELLED", cancellation_initiator: "BUYER" });
    const kite = await buildOrder(db, { buyerId: "buyer-farah", shopId: "shop-kite", items: [{ productId: "p-kite-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "WALLET", status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * 3_600_000) });
    await expect(client.sdk.order.getOrderDetail({ ids: kite.id } as never)).rejects.toMatchObject({ code: 36009004 });
  });
});

describe("returns through the SDK", () => {
  it("searches the shop's requests, offers a partial refund on one, rejects another with a reason, and reads the records", async () => {
    const now = await appTime(db);
    const emma: SessionUser = { id: "buyer-emma", worldId: "demo", role: "BUYER", name: "Emma", shopId: null, shopName: null };
    const made: string[] = [];
    for (const [productId, caseType, reasonKey] of [["p-maple-5", "RETURN_AND_REFUND", "damaged"], ["p-maple-6", "REFUND_ONLY", "not_as_described"]] as const) {
      const order = await buildOrder(db, { buyerId: "buyer-emma", shopId: "shop-maple", items: [{ productId, quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "DELIVERED", placedAt: new Date(now.getTime() - 6 * 86_400_000) });
      expect((await runOrderCommand(db, emma, { orderId: order.id, command: { type: "REQUEST_RETURN", caseType, reasonKey, description: "", photoCount: 1 } }, now)).ok).toBe(true);
      made.push(order.id);
    }
    const found = await client.sdk.return_refund.searchReturn({ query: { page_size: 10 }, body: { order_ids: made } });
    const list = found.data!.return_orders as unknown as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    const damaged = list.find((row) => row.order_id === made[0])!;
    const refundOnly = list.find((row) => row.order_id === made[1])!;
    expect(damaged).toMatchObject({ return_type: "RETURN_AND_REFUND", return_status: "RETURN_OR_REFUND_REQUEST_PENDING", seller_next_action_response: [{ action: "SELLER_RESPOND_REFUND", deadline: expect.any(Number) }] });
    expect(refundOnly).toMatchObject({ return_type: "REFUND", return_status: "RETURN_OR_REFUND_REQUEST_PENDING" });

    // The platform's rule: a return and refund is approved with APPROVE_RETURN, not APPROVE_REFUND.
    await expect(client.sdk.return_refund.approveReturn({ return_id: String(damaged.return_id), query: { idempotency_key: "r-1" }, body: { decision: "APPROVE_REFUND" } })).rejects.toMatchObject({ code: 36009004 });
    await client.sdk.return_refund.approveReturn({ return_id: String(damaged.return_id), query: { idempotency_key: "r-2" }, body: { decision: "OFFER_PARTIAL_REFUND", partial_refund: { amount: "10.00", currency: "USD" } } });
    expect(await db.returnCase.findUniqueOrThrow({ where: { id: String(damaged.return_id) } })).toMatchObject({ status: "OFFERED", offerMinor: 1000 });

    await client.sdk.return_refund.rejectReturn({ return_id: String(refundOnly.return_id), query: { idempotency_key: "r-3" }, body: { decision: "REJECT_REFUND", reject_reason: "evidence_insufficient" } as never });
    expect(await db.returnCase.findUniqueOrThrow({ where: { id: String(refundOnly.return_id) } })).toMatchObject({ status: "REJECTED", rejectReasonKey: "evidence_insufficient" });

    const history = await client.sdk.return_refund.getReturnRecord({ return_id: String(damaged.return_id) });
    const events = (history.data!.records ?? []) as { event: string; role: string; create_time: number }[];
    expect(events.map((record) => record.role)).toEqual(expect.arrayContaining(["BUYER", "SELLER"]));
    expect(events.every((record) => Number.isInteger(record.create_time))).toBe(true);
    expect(inEnglish(await checkOrders(db, made))).toEqual([]);
  });
});

describe("refusals: the platform's error, and nothing changed", () => {
  const call = (path: string, options: Parameters<typeof signedCall>[2] = {}) => signedCall({ appKey: app.appKey, appSecret: app.appSecret, accessToken: client.accessToken, cipher: client.cipher }, path, options);
  const pending = () => db.cancelRequest.findUniqueOrThrow({ where: { orderId: orders[2]! } });
  const approvePath = async () => `/return_refund/202309/cancellations/${(await pending()).id}/approve`;

  it("a bad signature, a stale timestamp, a bad token, another shop's cipher, a missing cipher", async () => {
    const path = await approvePath();
    expect((await call(path, { secret: "not-the-secret" })).json).toMatchObject({ code: 106001 });
    expect((await call(path, { timestamp: Math.floor(Date.now() / 1000) - 600 })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("timestamp") });
    expect((await call(path, { token: "TTP_forged" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("x-tts-access-token") });
    expect((await call(path, { cipher: shopCipher("shop-kite") })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("shop_cipher") });
    expect((await call(path, { cipher: null })).json).toMatchObject({ code: 36009004 });
    expect((await pending()).status).toBe("PENDING");
  });

  it("another shop's order, an unknown id, an unknown path, a malformed and a 1 MB body", async () => {
    const kite = await buildOrder(db, { buyerId: "buyer-farah", shopId: "shop-kite", items: [{ productId: "p-kite-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "WALLET", status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * 3_600_000) });
    expect((await call("/return_refund/202309/cancellations", { body: JSON.stringify({ order_id: kite.id, cancel_reason: "out_of_stock" }) })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("order_id") });
    expect((await call("/return_refund/202309/cancellations/nope/approve", {})).json).toMatchObject({ code: 36009004, message: expect.stringContaining("cancel_id") });
    expect((await call("/return_refund/202309/teleport", {})).json).toMatchObject({ code: 36009009 });
    expect((await call("/return_refund/202309/cancellations/search", { body: "{not json" })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("JSON") });
    const big = await call("/return_refund/202309/cancellations/search", { body: JSON.stringify({ filler: "x".repeat(1024 * 1024) }) });
    expect(big).toMatchObject({ status: 413, json: { code: 36009004 } });
    expect((await pending()).status).toBe("PENDING");
    expect((await db.order.findUniqueOrThrow({ where: { id: kite.id } })).status).toBe("AWAITING_SHIPMENT");
  });

  it("the same idempotency key with another request is refused; with the same one it answers again", async () => {
    const path = await approvePath();
    const other = await db.cancelRequest.findUniqueOrThrow({ where: { orderId: orders[0]! } });
    // The key was first used to approve the first order's request.
    expect((await call(path, { query: { idempotency_key: "approve-1" } })).json).toMatchObject({ code: 36009004, message: expect.stringContaining("idempotency_key") });
    expect((await pending()).status).toBe("PENDING");
    expect((await call(`/return_refund/202309/cancellations/${other.id}/approve`, { query: { idempotency_key: "approve-1" } })).json).toMatchObject({ code: 0 });
    expect(await db.refund.count({ where: { orderId: orders[0]! } })).toBe(1);
  });

  it("an app past its calls a second gets the platform's 429 with Retry-After, and nothing it sent runs; another app is not slowed", async () => {
    setApiCallsPerSecond(3);
    try {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await call("/return_refund/202309/reject_reasons", { method: "GET" }));
      expect(answers.slice(0, 3).map((answer) => answer.json.code)).toEqual([0, 0, 0]);
      expect(answers[3]).toMatchObject({ status: 429, json: { code: 36009002, message: expect.stringContaining("3 calls a second") } });
      const path = await approvePath();
      const before = await db.orderEvent.count();
      expect((await call(path)).status).toBe(429);
      expect(await db.orderEvent.count()).toBe(before);
      // Another app's allowance is its own.
      const second = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "Other" }, new Date());
      const sdk = new TikTokShopSDK({ appKey: second.appKey, appSecret: second.appSecret });
      const token = (await sdk.auth.getAccessToken({ auth_code: second.authCode, grant_type: "authorized_code" })).data!.access_token!;
      expect((await signedCall({ appKey: second.appKey, appSecret: second.appSecret, accessToken: token, cipher: client.cipher }, "/return_refund/202309/reject_reasons", { method: "GET" })).json.code).toBe(0);
    } finally {
      setApiCallsPerSecond(API_CALLS_PER_SECOND);
    }
  });
});
