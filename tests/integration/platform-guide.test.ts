/**
 * The integration guide (docs/guide-integration.md), followed step by step by a client written from
 * the platform's documentation alone — its own HMAC signing, nothing imported from this app's API
 * code and no SDK: create an app, get a token and the cipher, make a world of its own, drive a case
 * with the controls (an order, the buyer's request left unanswered, the clock to the deadline), see
 * the platform's answer through the search, check eligibility and a refund's calculation, and read
 * the reference the guide points to.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openApi } from "@/app/api-reference/openapi.json/route";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createApp } from "@/lib/server/api/credentials";
import { pointPlatformAtThisApp } from "../support/local-platform";

const API = "https://open-api.tiktokglobalshop.com";
const AUTH = "https://auth.tiktok-shops.com";

/** The documented signature: HMAC-SHA256(secret, secret + path + sorted name+value pairs (not sign, not access_token) + body + secret), hex. */
function documentedSign(secret: string, path: string, params: Record<string, string>, body: string): string {
  const pairs = Object.keys(params)
    .filter((name) => name !== "sign" && name !== "access_token")
    .sort()
    .map((name) => `${name}${params[name]}`)
    .join("");
  return createHmac("sha256", secret).update(`${secret}${path}${pairs}${body}${secret}`).digest("hex");
}

class DocumentedClient {
  token = "";
  cipher = "";
  constructor(
    readonly appKey: string,
    readonly appSecret: string,
  ) {}

  async authorize(code: string): Promise<void> {
    const answer = (await (await fetch(`${AUTH}/api/v2/token/get?app_key=${this.appKey}&app_secret=${this.appSecret}&auth_code=${code}&grant_type=authorized_code`)).json()) as { code: number; data: { access_token: string; access_token_expire_in: number } };
    expect(answer.code).toBe(0);
    expect(answer.data.access_token_expire_in).toBeGreaterThan(Date.now() / 1000);
    this.token = answer.data.access_token;
    const shops = await this.call("GET", "/authorization/202309/shops", undefined, {}, false);
    this.cipher = (shops.data.shops as { cipher: string }[])[0]!.cipher;
  }

  async call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}, shop = true): Promise<{ code: number; message: string; data: Record<string, unknown> }> {
    const text = body === undefined ? "" : JSON.stringify(body);
    const params: Record<string, string> = { app_key: this.appKey, timestamp: String(Math.floor(Date.now() / 1000)), ...(shop ? { shop_cipher: this.cipher } : {}), ...extra };
    params.sign = documentedSign(this.appSecret, path, params, text);
    const response = await fetch(`${API}${path}?${new URLSearchParams(params)}`, { method, headers: { "content-type": "application/json", "x-tts-access-token": this.token }, body: text || undefined });
    return (await response.json()) as { code: number; message: string; data: Record<string, unknown> };
  }
}

let restore: () => void = () => undefined;
beforeAll(async () => {
  await seedDemoWorld(db, new Date(), { orders: false });
  restore = pointPlatformAtThisApp();
}, 60_000);
afterAll(() => restore());

describe("the integration guide, followed by a client written from the documentation", () => {
  it("steps 1–5: an app, a token, a world of its own, a case driven to the platform's answer (step 6, webhooks, is platform-webhooks.test.ts)", async () => {
    // 1. The app, as Developer apps creates it.
    const app = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "Guide" }, new Date());
    // 2–3. A token and the cipher.
    const demo = new DocumentedClient(app.appKey, app.appSecret);
    await demo.authorize(app.authCode);
    // 4. A world of its own.
    const world = await demo.call("POST", "/sandbox/202309/worlds", { name: "guide run" });
    expect(world.code, world.message).toBe(0);
    const mine = new DocumentedClient(world.data.app_key as string, world.data.app_secret as string);
    await mine.authorize(world.data.auth_code as string);

    // 5. A case: an order, the buyer's request, nobody answers, the clock reaches the seller's deadline.
    const made = await mine.call("POST", "/sandbox/202309/orders", { status: "AWAITING_SHIPMENT" });
    const orderId = made.data.order_id as string;
    const eligible = await mine.call("GET", `/return_refund/202309/orders/${orderId}/aftersale_eligibility`);
    const lines = (eligible.data.sku_eligibility as { line_item_eligibility: { request_type: string; eligible: boolean }[] }[])[0]!.line_item_eligibility;
    expect(lines.find((line) => line.request_type === "CANCEL")!.eligible).toBe(true);
    const refund = await mine.call("POST", "/return_refund/202309/refunds/calculate", { order_id: orderId, request_type: "CANCEL", reason_name: "no_longer_needed" });
    expect(refund.code, refund.message).toBe(0);
    expect((await mine.call("POST", `/sandbox/202309/orders/${orderId}/buyer/cancel`, { cancel_reason: "no_longer_needed" })).code).toBe(0);
    const search = () => mine.call("POST", "/return_refund/202309/cancellations/search", { order_ids: [orderId] }, { page_size: "10" });
    expect(((await search()).data.cancellations as { cancel_status: string; seller_next_action_response: { action: string }[] }[])[0]).toMatchObject({ cancel_status: "CANCELLATION_REQUEST_PENDING", seller_next_action_response: [{ action: "SELLER_RESPOND_CANCELLATION" }] });
    for (let i = 0; i < 3 && ((await search()).data.cancellations as { cancel_status: string }[])[0]!.cancel_status !== "CANCELLATION_REQUEST_COMPLETE"; i++) {
      expect((await mine.call("POST", "/sandbox/202309/clock/next_deadline", { order_id: orderId })).code).toBe(0);
    }
    expect(((await search()).data.cancellations as { cancel_status: string }[])[0]!.cancel_status).toBe("CANCELLATION_REQUEST_COMPLETE");
    // The refund the calculation named is the one the order made.
    const madeRefund = await db.refund.findFirstOrThrow({ where: { orderId } });
    expect((madeRefund.totalMinor / 100).toFixed(2)).toBe((refund.data.order_refund_amount as { refund_total: string }).refund_total);

    // A signature computed with another secret is the platform's 106001, and nothing ran.
    const forged = new DocumentedClient(mine.appKey, "not-the-secret");
    forged.token = mine.token;
    forged.cipher = mine.cipher;
    expect((await forged.call("POST", "/sandbox/202309/orders", { status: "AWAITING_SHIPMENT" })).code).toBe(106001);
  });

  it("the reference the guide points to documents every call the guide makes", async () => {
    const document = (await openApi().json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [method, path] of [
      ["get", "/api/v2/token/get"],
      ["get", "/authorization/202309/shops"],
      ["post", "/sandbox/202309/worlds"],
      ["post", "/sandbox/202309/orders"],
      ["get", "/return_refund/202309/orders/{order_id}/aftersale_eligibility"],
      ["post", "/return_refund/202309/refunds/calculate"],
      ["post", "/sandbox/202309/orders/{order_id}/buyer/cancel"],
      ["post", "/return_refund/202309/cancellations/search"],
      ["post", "/sandbox/202309/clock/next_deadline"],
      ["put", "/event/202309/webhooks"],
    ] as const)
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
