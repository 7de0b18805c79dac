/**
 * Every page type passes axe with no serious or critical violation (WCAG 2.1 A and AA, colour
 * contrast included), in English, 繁體中文 and 简体中文 (issue 28).
 */
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { LOCALES } from "@/lib/i18n/locales";
import { createPrivateWorld, expect, signInAs, test } from "./support";

const BASE = "http://127.0.0.1:3100";

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Scans each path in each language, the language set as the header's menu sets it (a cookie). */
async function scan(context: BrowserContext, page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const locale of LOCALES) {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: BASE }]);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      for (const problem of await serious(page)) found.push(`${locale} ${path}: ${problem}`);
    }
  }
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE }]);
  return found;
}

test.describe.configure({ timeout: 180_000 });

test("the buyer's pages: persona page, orders, an order, inbox, settings, not found, the storefront, a product, the cart, checkout and the wallet", async ({ page, context, db }) => {
  const order = await db.order.findFirstOrThrow({ where: { buyerId: "buyer-ava", worldId: "demo" }, orderBy: { placedAt: "desc" }, select: { id: true } });
  expect(await scan(context, page, ["/", "/how-it-works", "/rules", "/scenarios", "/api-reference"])).toEqual([]);
  await signInAs(page, "Ava Thompson");
  // A cart with something in it, so its lines and forms are scanned too.
  await page.goto("/products/p-kite-3");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/^Added to your cart/)).toBeVisible();
  expect(
    await scan(context, page, ["/buyer/orders", `/orders/${order.id}`, "/inbox", "/settings", "/no-such-page", "/shop", "/shop/shop-kite", "/products/p-kite-3", "/checkout?shop=shop-kite&product=p-kite-3&quantity=1", "/cart", "/checkout?shop=shop-kite", "/wallet"]),
  ).toEqual([]);
});

test("the seller's pages: home, orders, an order, performance and its lists, settings, developer apps", async ({ page, context, db }) => {
  const order = await db.order.findFirstOrThrow({ where: { shopId: "shop-maple", worldId: "demo", status: "AWAITING_SHIPMENT" }, select: { id: true } });
  await signInAs(page, "Maya Patel");
  expect(await scan(context, page, ["/seller", "/seller/orders", `/orders/${order.id}`, "/seller/performance", "/seller/performance/orders?list=sfcr", "/seller/settings", "/seller/developer"])).toEqual([]);
});

test("support's pages: queue, orders, an order, a case, templates, figures, the printable record, an order's replay", async ({ page, context, db }) => {
  const dispute = await db.dispute.findFirstOrThrow({ where: { order: { worldId: "demo" } }, select: { id: true, orderId: true } });
  await signInAs(page, "Priya Shah");
  expect(
    await scan(context, page, ["/support", "/support/orders", `/orders/${dispute.orderId}`, `/support/cases/${dispute.id}`, "/support/templates", "/support/figures", `/support/cases/${dispute.id}/print`, `/orders/${dispute.orderId}/replay`, `/orders/${dispute.orderId}/replay?step=2`]),
  ).toEqual([]);
});

test("a private world's pages: its page (with the training room), its share link's page, the scenarios in it and an order with its checklist", async ({ page, context }) => {
  const { worldId, link } = await createPrivateWorld(page, "Axe room");
  await page.goto("/scenarios");
  await page.getByRole("button", { name: /^Start — Arrived damaged/ }).click();
  await page.waitForURL(/\/orders\//);
  const order = new URL(page.url()).pathname;
  expect(await scan(context, page, [`/worlds/${worldId}`, new URL(link).pathname, "/scenarios", order])).toEqual([]);
});

test("live countdowns and the clock tick outside every live region, so a screen reader hears changes of state, not seconds", async ({ page, createOrder }) => {
  const order = await createOrder({ buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD" });
  await signInAs(page, "Ava Thompson");
  await page.goto(`/orders/${order.id}`);
  const texts = () => page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.children.length === 0).map((e) => e.textContent ?? ""));
  const before = await texts();
  await page.waitForTimeout(2_100);
  const ticking = await page.evaluate((earlier) => {
    const leaves = [...document.querySelectorAll("body *")].filter((e) => e.children.length === 0);
    return leaves
      .filter((e, i) => earlier[i] !== undefined && earlier[i] !== e.textContent)
      .map((e) => ({ text: e.textContent, live: !!e.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]') }));
  }, before);
  // Something does tick on this page (the instant-cancel countdown, the clock), and none of it is announced.
  expect(ticking.length).toBeGreaterThan(0);
  expect(ticking.filter((leaf) => leaf.live)).toEqual([]);
});
