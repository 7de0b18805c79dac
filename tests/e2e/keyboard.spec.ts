/**
 * A whole flow with the keyboard alone (issue 28): skip to the content, sign in, open an order,
 * choose a reason and cancel — every step reached with Tab, each focused control visibly outlined.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support";

/** Presses Tab until `target` has the focus (at most `max` times), checking each stop is visibly focused. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return "none";
      const style = getComputedStyle(element);
      return style.outlineStyle === "none" || style.outlineWidth === "0px" ? "none" : `${style.outlineStyle} ${style.outlineWidth}`;
    });
    if (await target.evaluate((element) => element === document.activeElement)) {
      expect(outline, "the focused control is outlined").not.toBe("none");
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a buyer cancels an order with the keyboard alone, from the first page to the refund", async ({ page, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD" });
  await page.goto("/");

  // The first Tab shows the skip link; Enter moves past the header.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);

  await tabTo(page, page.getByRole("button", { name: "Sign in as Ava Thompson" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/buyer\/orders/);

  await tabTo(page, page.getByRole("link", { name: `Order ${order.code}` }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Order ${order.code}` })).toBeVisible();

  // Sent without a reason: refused, and the focus goes to the field to fix.
  await tabTo(page, page.getByRole("button", { name: "Cancel order", exact: true }));
  await page.keyboard.press("Enter");
  const reason = page.getByLabel("Reason for cancelling");
  await expect(reason).toBeFocused();
  await expect(page.getByText("Choose a reason for cancelling.")).toBeVisible();
  // A native select changes with the arrow keys while focused.
  for (let i = 0; i < 10 && (await reason.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)) !== "Found a better price"; i++) await page.keyboard.press("ArrowDown");
  await expect(reason).toHaveValue("better_price");

  await tabTo(page, page.getByRole("button", { name: "Cancel order", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
});
