/**
 * Webhooks (issue 31): an app registers addresses with the SDK's `event` module; every change of an
 * order's status, its cancel request's and its return's is written to the outbox in the command's
 * transaction and delivered to a local receiver — signed as the platform signs, once each, in order
 * per order, after retries of a receiver that fails twice. Only registered addresses receive; a
 * private address is refused while the server listens beyond loopback.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TikTokShopSDK } from "tiktok-shop-sdk";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { buildOrder } from "@/lib/server/demo/build-order";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createApp } from "@/lib/server/api/credentials";
import { webhookSignature } from "@/lib/api/signature";
import { addressAllowed, deliverDue, WEBHOOK_MAX_ATTEMPTS } from "@/lib/server/api/webhooks";
import { deliveryLogs, sendAgain } from "@/lib/server/api/delivery-log";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { appTime } from "@/lib/server/timers/sim-clock";
import { pointPlatformAtThisApp } from "../support/local-platform";

let restore: () => void = () => undefined;
let server: Server;
let address = "";
let failuresLeft = 2;
const received: { body: string; authorization: string | undefined }[] = [];
let app: Awaited<ReturnType<typeof createApp>>;
let sdk: TikTokShopSDK;

beforeAll(async () => {
  await seedDemoWorld(db, new Date(), { orders: false });
  restore = pointPlatformAtThisApp();
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        response.writeHead(500).end("down");
        return;
      }
      received.push({ body, authorization: request.headers.authorization });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  app = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "Helpdesk" }, new Date());
  sdk = new TikTokShopSDK({ appKey: app.appKey, appSecret: app.appSecret });
  const tokens = await sdk.auth.getAccessToken({ auth_code: app.authCode, grant_type: "authorized_code" });
  sdk.setAccessToken(tokens.data!.access_token!);
  sdk.setShopCipher(((await sdk.shop.getAuthorizedShops()).data as { shops: { cipher: string }[] }).shops[0]!.cipher);
}, 60_000);

afterAll(async () => {
  restore();
  await new Promise((resolve) => server.close(resolve));
});

/** Runs the delivery worker until nothing is due, moving its real clock past each backoff. */
async function deliverAll(): Promise<void> {
  let now = Date.now();
  for (let pass = 0; pass < WEBHOOK_MAX_ATTEMPTS * 3; pass++) {
    await deliverDue(db, new Date(now));
    if ((await db.webhookDelivery.count({ where: { appId: app.appId, status: "PENDING" } })) === 0) return;
    now += 120_000;
  }
}

describe("webhooks", () => {
  it("registers addresses with the SDK, lists them, and refuses an unknown event type", async () => {
    for (const event_type of ["ORDER_STATUS_CHANGE", "CANCELLATION_STATUS_CHANGE", "RETURN_STATUS_CHANGE"] as const) await sdk.event.updateShopWebhook({ event_type, address } as never);
    const listed = (await sdk.event.getShopWebhooks()).data as unknown as { webhooks: { event_type: string; address: string }[] };
    expect(listed.webhooks.map((hook) => hook.event_type).sort()).toEqual(["CANCELLATION_STATUS_CHANGE", "ORDER_STATUS_CHANGE", "RETURN_STATUS_CHANGE"]);
    await expect(sdk.event.updateShopWebhook({ event_type: "PRODUCT_CHANGE", address } as never)).rejects.toMatchObject({ code: 36009004 });
  });

  it("delivers every change once, signed, in order per order, after a receiver that fails twice", async () => {
    const now = await appTime(db);
    const ben: SessionUser = { id: "buyer-ben", worldId: "demo", role: "BUYER", name: "Ben", shopId: null, shopName: null };
    const maya: SessionUser = { id: "seller-maya", worldId: "demo", role: "SELLER", name: "Maya", shopId: "shop-maple", shopName: null };
    const order = await buildOrder(db, { buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "AWAITING_SHIPMENT", placedAt: new Date(now.getTime() - 3 * 3_600_000) });
    // Seeded history announces nothing; the two commands below do.
    expect(await db.webhookDelivery.count({ where: { orderId: order.id } })).toBe(0);
    expect((await runOrderCommand(db, ben, { orderId: order.id, command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" } }, now)).ok).toBe(true);
    expect((await runOrderCommand(db, maya, { orderId: order.id, command: { type: "APPROVE_CANCEL_REQUEST" } }, new Date(now.getTime() + 60_000))).ok).toBe(true);
    // In the commands' transactions: a cancellation pending, then complete with the order cancelled.
    expect((await db.webhookDelivery.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } })).map((row) => row.eventType).sort()).toEqual(["CANCELLATION_STATUS_CHANGE", "CANCELLATION_STATUS_CHANGE", "ORDER_STATUS_CHANGE"]);

    await deliverAll();
    const bodies = received.map((entry) => JSON.parse(entry.body) as { type: number; shop_id: string; tts_notification_id: string; timestamp: number; data: Record<string, unknown> });
    expect(bodies).toHaveLength(3);
    for (const entry of received) expect(entry.authorization).toBe(webhookSignature(app.appKey, app.appSecret, entry.body));
    expect(new Set(bodies.map((body) => body.tts_notification_id)).size).toBe(3);
    expect(bodies[0]).toMatchObject({ type: 11, shop_id: "shop-maple", data: { order_id: order.id, cancel_status: "CANCELLATION_REQUEST_PENDING", cancellations_role: "BUYER" } });
    expect(bodies.slice(1).map((body) => body.type).sort()).toEqual([1, 11]);
    expect(bodies.find((body) => body.type === 1)).toMatchObject({ data: { order_id: order.id, order_status: "CANCELLED" } });
    const rows = await db.webhookDelivery.findMany({ where: { orderId: order.id } });
    expect(rows.every((row) => row.status === "DELIVERED")).toBe(true);
    // The receiver failed twice: the first delivery took three attempts, the others one.
    expect(rows.map((row) => row.attempts).sort()).toEqual([1, 1, 3]);
    // Delivered once: another pass sends nothing more.
    await deliverDue(db, new Date(Date.now() + 3_600_000));
    expect(received).toHaveLength(3);
  });

  it("the delivery log lists each delivery with its attempts and answer; Send again queues it once and the receiver gets the same notification again", async () => {
    const maya: SessionUser = { id: "seller-maya", worldId: "demo", role: "SELLER", name: "Maya", shopId: "shop-maple", shopName: null };
    const logs = await deliveryLogs(maya, [app.appId]);
    const log = logs.get(app.appId)!;
    expect(log.rows.length).toBe(3);
    expect(log.rows.every((row) => row.status === "DELIVERED" && row.lastStatusCode === 200 && row.orderCode)).toBe(true);
    expect(log.rows.map((row) => row.attempts).sort()).toEqual([1, 1, 3]);
    // Another shop's seller sees no log of this app and cannot send its notifications again.
    const kenji: SessionUser = { id: "seller-kenji", worldId: "demo", role: "SELLER", name: "Kenji", shopId: "shop-kite", shopName: null };
    expect((await deliveryLogs(kenji, [app.appId])).size).toBe(0);
    const target = log.rows.find((row) => row.attempts === 3)!;
    const refused = await sendAgain(db, kenji, target.id, new Date());
    expect(refused.ok ? "allowed" : refused.error.code).toBe("NOT_FOUND");
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("DELIVERED");

    // Two clicks at once queue it once.
    const [first, second] = await Promise.all([sendAgain(db, maya, target.id, new Date()), sendAgain(db, maya, target.id, new Date())]);
    expect([first, second].map((result) => (result.ok ? result.value.queued : "error")).sort()).toEqual([false, true]);
    const before = received.length;
    const sentBefore = received.map((entry) => JSON.parse(entry.body) as { tts_notification_id: string });
    await deliverAll();
    expect(received.length).toBe(before + 1);
    const again = JSON.parse(received.at(-1)!.body) as { tts_notification_id: string };
    expect(sentBefore.map((body) => body.tts_notification_id)).toContain(again.tts_notification_id);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: "DELIVERED", attempts: 1, resends: 1 });

    // Ten to a page, newest first, the next page from the cursor.
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `log-${i}`, appId: app.appId, orderId: target.orderId, eventType: "ORDER_STATUS_CHANGE", address, payload: "{}", status: "DELIVERED", attempts: 1, nextAttemptAt: new Date(0), createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)) }));
    await db.webhookDelivery.createMany({ data: many });
    const page1 = (await deliveryLogs(maya, [app.appId])).get(app.appId)!;
    expect(page1.rows).toHaveLength(10);
    const page2 = (await deliveryLogs(maya, [app.appId], { appId: app.appId, before: page1.older })).get(app.appId)!;
    expect(page2.rows.map((row) => row.id)).toEqual(["log-4", "log-3", "log-2", "log-1", "log-0"]);
    expect(page2.older).toBeNull();
    await db.webhookDelivery.deleteMany({ where: { id: { in: many.map((row) => row.id) } } });
  });

  it("a deleted registration receives nothing more; a private address is refused when the server listens beyond loopback", async () => {
    await sdk.event.deleteShopWebhook({ event_type: "ORDER_STATUS_CHANGE" } as never);
    expect(await db.webhookSubscription.count({ where: { appId: app.appId, eventType: "ORDER_STATUS_CHANGE" } })).toBe(0);
    const host = process.env.HOST;
    process.env.HOST = "0.0.0.0";
    try {
      for (const blocked of ["http://127.0.0.1:9/x", "http://10.0.0.5/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "ftp://example.com/x"]) expect((await addressAllowed(blocked)).ok, blocked).toBe(false);
      await expect(sdk.event.updateShopWebhook({ event_type: "ORDER_STATUS_CHANGE", address: "http://169.254.169.254/hook" } as never)).rejects.toMatchObject({ code: 36009004, message: expect.stringContaining("private") });
    } finally {
      if (host === undefined) delete process.env.HOST;
      else process.env.HOST = host;
    }
  });
});
