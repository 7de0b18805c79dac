/**
 * The platform API sandbox through the real server (issue 31): a seller creates an app on the
 * Developer apps page of a private world and copies its key, secret and code; a program using the
 * public tiktok-shop-sdk, its base URLs pointed at this server, gets a token, registers a webhook,
 * makes an order and a buyer's cancel request with the sandbox's controls, jumps the clock to the
 * seller's deadline — and the platform's auto-approval arrives at its receiver as a signed webhook.
 * The wait is for the server's webhook worker to deliver, not a race with it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { TikTokShopSDK } from "tiktok-shop-sdk";
import { sign, webhookSignature } from "@/lib/api/signature";
import { createPrivateWorld, expect, signInAs, test } from "./support";

const BASE = "http://127.0.0.1:3100";

test("a seller's app gets a token with the SDK, drives a case with the sandbox, and receives the auto-approval as a signed webhook", async ({ page, db }) => {
  await createPrivateWorld(page, "Integration room");
  await signInAs(page, "Maya Patel");
  await page.getByRole("link", { name: "Shop settings" }).first().click();
  await page.getByRole("link", { name: /Developer apps/ }).click();
  await expect(page.getByRole("heading", { name: "Developer apps", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Create the app" }).click();
  await expect(page.getByText("Give the app a name.")).toBeVisible();
  await page.getByLabel("App name").fill("Helpdesk sync");
  await page.getByRole("button", { name: "Create the app" }).click();
  await expect(page.getByText("Copy these now")).toBeVisible();
  const appKey = await page.getByRole("textbox", { name: "App key" }).inputValue();
  const appSecret = await page.getByRole("textbox", { name: "App secret" }).inputValue();
  const authCode = await page.getByRole("textbox", { name: "Authorization code" }).inputValue();
  await page.reload();
  // Shown once: after a reload the secret is gone, the app is listed.
  await expect(page.getByRole("textbox", { name: "App secret" })).toHaveCount(0);
  await expect(page.getByText(`App key ${appKey}`)).toBeVisible();

  // The receiver, and the SDK pointed at this server.
  const received: { body: string; authorization: string | undefined }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ body, authorization: request.headers.authorization });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const original = globalThis.fetch;
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.host === "open-api.tiktokglobalshop.com" || url.host === "auth.tiktok-shops.com") return original(`${BASE}${url.pathname}${url.search}`, init);
    return original(input, init);
  }) as typeof fetch;
  try {
    const sdk = new TikTokShopSDK({ appKey, appSecret });
    const tokens = await sdk.auth.getAccessToken({ auth_code: authCode, grant_type: "authorized_code" });
    const accessToken = tokens.data!.access_token!;
    sdk.setAccessToken(accessToken);
    const cipher = ((await sdk.shop.getAuthorizedShops()).data as { shops: { cipher: string; name: string }[] }).shops[0]!;
    expect(cipher.name).toBe("Maple & Moss Home");
    sdk.setShopCipher(cipher.cipher);
    await sdk.event.updateShopWebhook({ event_type: "CANCELLATION_STATUS_CHANGE", address: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks` } as never);

    // The sandbox's controls, called as a client written from the documentation calls them.
    const control = async (path: string, body: unknown) => {
      const query: Record<string, string> = { app_key: appKey, timestamp: String(Math.floor(Date.now() / 1000)), shop_cipher: cipher.cipher };
      const text = JSON.stringify(body);
      query.sign = sign(appSecret, path, query, text);
      const response = await original(`${BASE}${path}?${new URLSearchParams(query)}`, { method: "POST", headers: { "content-type": "application/json", "x-tts-access-token": accessToken }, body: text });
      const json = (await response.json()) as { code: number; message: string; data: Record<string, string> };
      expect(json.code, json.message).toBe(0);
      return json.data;
    };
    const { order_id } = await control("/sandbox/202309/orders", { status: "AWAITING_SHIPMENT", placed_minutes_ago: 180 });
    const asked = await control(`/sandbox/202309/orders/${order_id}/buyer/cancel`, { cancel_reason: "no_longer_needed" });
    expect(asked.cancel_type).toBe("BUYER_CANCEL");
    const pending = await sdk.return_refund.searchCancellation({ cancel_id: "", query: {}, body: { order_ids: [order_id] } } as never);
    expect((pending.data as unknown as { cancellations: { cancel_status: string }[] }).cancellations[0]!.cancel_status).toBe("CANCELLATION_REQUEST_PENDING");
    // Nobody answers: jump to the seller's deadline (a reminder may come first).
    for (let i = 0; i < 3; i++) {
      const done = (await sdk.return_refund.searchCancellation({ cancel_id: "", query: {}, body: { order_ids: [order_id] } } as never)).data as unknown as { cancellations: { cancel_status: string }[] };
      if (done.cancellations[0]!.cancel_status === "CANCELLATION_REQUEST_COMPLETE") break;
      await control("/sandbox/202309/clock/next_deadline", { order_id });
    }
    // This order's notifications (the jumps also let the platform answer the copied world's own seeded request, which is announced too).
    const ofOrder = () => received.map((entry) => JSON.parse(entry.body) as { tts_notification_id: string; data: { order_id: string; cancel_status: string } }).filter((body) => body.data.order_id === order_id);
    await expect.poll(() => ofOrder().map((body) => body.data.cancel_status), { timeout: 15_000 }).toEqual(["CANCELLATION_REQUEST_PENDING", "CANCELLATION_REQUEST_COMPLETE"]);
    for (const entry of received) expect(entry.authorization).toBe(webhookSignature(appKey, appSecret, entry.body));

    // The same order on the seller's page says what the platform did.
    await page.goto(`/orders/${order_id}`);
    await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();

    // The delivery log on Developer apps: every notification delivered at the first attempt; this order's approval sent again.
    const app = await db.apiApp.findUniqueOrThrow({ where: { appKey }, select: { id: true } });
    const { code } = await db.order.findUniqueOrThrow({ where: { id: order_id }, select: { code: true } });
    await expect.poll(async () => received.length - (await db.webhookDelivery.count({ where: { appId: app.id } })), { timeout: 15_000 }).toBe(0);
    await page.goto("/seller/developer");
    const log = page.getByRole("region", { name: "Webhook deliveries — Helpdesk sync" });
    const sent = received.length;
    await expect(log.getByText("Delivered", { exact: true })).toHaveCount(sent);
    await expect(log.getByText(/^1 attempt · the receiver last answered 200$/)).toHaveCount(sent);
    const approval = ofOrder()[1]!;
    await log.getByRole("listitem").filter({ hasText: "CANCELLATION_STATUS_CHANGE" }).filter({ has: page.getByRole("link", { name: code }) }).first().getByRole("button", { name: /^Send again/ }).click();
    await expect(log.getByRole("status").filter({ hasText: "Queued" })).toBeVisible();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(sent + 1);
    expect((JSON.parse(received.at(-1)!.body) as { tts_notification_id: string }).tts_notification_id).toBe(approval.tts_notification_id);
    await page.reload();
    await expect(log.getByText(/sent again once/)).toBeVisible();

    // The reference is a link away, and documents the calls this test made.
    await page.getByRole("link", { name: /Read the API reference/ }).click();
    await expect(page.getByRole("heading", { name: "Platform API reference", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: /\/sandbox\/202309\/clock\/next_deadline$/, level: 3 })).toBeVisible();
  } finally {
    globalThis.fetch = original;
    await new Promise((resolve) => receiver.close(resolve));
  }
});

test("the API's paths answer with the platform's envelope through the server, never a page: unsigned, unknown path", async ({ request }) => {
  const unsigned = await request.post(`${BASE}/return_refund/202309/cancellations/search`, { data: {} });
  expect(unsigned.status()).toBe(401);
  expect(await unsigned.json()).toMatchObject({ code: 36009004, message: expect.stringContaining("app_key"), request_id: expect.any(String), data: {} });
  const unknown = await request.get(`${BASE}/return_refund/202309/nothing/here`);
  expect(await unknown.json()).toMatchObject({ code: 36009009 });
});
