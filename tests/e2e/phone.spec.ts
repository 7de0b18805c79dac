/**
 * Phone first (issue 29): at 320, 375 and 430 px every buyer page — storefront, product, cart,
 * checkout, the buyer's home, an order, the inbox, the wallet, settings — fits the screen (no
 * sideways scrolling, asserted) and every control is a 44 px target; the seller's and support's
 * pages fit too. Read-only: nothing is bought or changed but a product put in the cart.
 */
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./support";

/** The page's width beyond the screen (0 when it fits), and every visible control shorter than 44 px. */
async function fit(page: Page): Promise<{ sideways: number; small: string[] }> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>("button, select, textarea, summary, nav a, input:not([type=hidden]):not([type=radio]):not([type=checkbox])")];
    const small = controls
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.height < 44;
      })
      .map((element) => `${element.tagName.toLowerCase()} “${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}” ${Math.round(element.getBoundingClientRect().height)} px`);
    return { sideways: document.documentElement.scrollWidth - window.innerWidth, small };
  });
}

for (const width of [320, 375, 430]) {
  test(`at ${width} px the buyer's pages fit the screen and every control is a thumb's target`, async ({ browser, db }) => {
    const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
    await signInAs(page, "Chloe Martin");
    await page.goto("/products/p-kite-3");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(/^Added to your cart/)).toBeVisible();
    const orders = await db.order.findMany({ where: { buyerId: "buyer-chloe", worldId: "demo", status: { in: ["AWAITING_SHIPMENT", "DELIVERED"] } }, select: { id: true }, take: 2 });
    const pages = ["/shop", "/shop/shop-kite", "/products/p-kite-3", "/cart", "/checkout?shop=shop-kite", "/buyer/orders", "/buyer/orders?stage=RETURNS", ...orders.map((o) => `/orders/${o.id}`), "/inbox", "/wallet", "/settings"];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      const { sideways, small } = await fit(page);
      expect(sideways, `${path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      expect(small, `${path} at ${width} px`).toEqual([]);
    }
  });
}

test("at 375 px the seller's and support's pages fit the screen (wide tables scroll within themselves)", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  for (const [name, paths] of [
    ["Maya Patel", ["/seller", "/seller/orders", "/seller/performance", "/seller/settings", "/inbox"]],
    ["Sam Rivera", ["/support", "/support/orders", "/support/templates", "/support/figures"]],
  ] as const) {
    await signInAs(page, name);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      expect((await fit(page)).sideways, `${name}: ${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
});
