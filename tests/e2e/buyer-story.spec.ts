/**
 * Issue 29's whole story, as a newcomer plays it in a private world of their own, on a desktop and
 * on a phone-sized screen: buy with PayPal, cancel within the hour (refund to PayPal with its date),
 * buy again through the cart, let the hour pass, ask the seller to cancel, switch to the seller from
 * the order page, reject, switch back. At each step the buyer's home lists the order under the stage
 * a shopper expects, and no page scrolls sideways. No seeded order is touched; no fixture builds one.
 */
import type { Page } from "@playwright/test";
import { createPrivateWorld, expect, noSidewaysScroll, signInAs, test } from "./support";


/** The buyer's home, opened from the header, lists the order under `stage` (and its count says so). */
async function expectStage(page: Page, code: string, stage: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My orders" }).click();
  const stages = page.getByRole("navigation", { name: "Orders by stage" });
  await stages.getByRole("link", { name: new RegExp(`^${stage} \\(\\d+\\)$`) }).click();
  await expect(stages.getByRole("link", { name: new RegExp(`^${stage} \\(\\d+\\)$`) })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: new RegExp(`^Order ${code}\\b`) })).toBeVisible();
  await noSidewaysScroll(page);
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
]) {
  test(`at ${viewport.width} px: buy, cancel within the hour, buy again from the cart, and have the seller reject a cancel request — switching persona from the order`, async ({ browser, db }, testInfo) => {
    const phone = viewport.width < 640;
    const page = await (await browser.newContext({ viewport })).newPage();
    const world = `Buyer story ${viewport.width}`;
    const { worldId } = await createPrivateWorld(page, world);
    await signInAs(page, "Ben Okafor");
    const seeded = await db.order.count({ where: { worldId } });

    // 1. Buy a candle with PayPal, straight from its page.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Shop", level: 1 })).toBeVisible();
    await page.getByRole("list", { name: "Products of Maple & Moss Home" }).getByRole("link", { name: /Cedar soy candle/ }).click();
    await page.getByRole("button", { name: "Buy now" }).click();
    await page.getByRole("radio", { name: "PayPal" }).check();
    await page.getByRole("button", { name: /^Place and pay/ }).click();
    await expect(page.getByRole("heading", { name: /^Order \d+$/ })).toBeVisible();
    const first = (await page.getByRole("heading", { name: /^Order \d+$/ }).textContent())!.replace("Order ", "");
    await expectStage(page, first, "To ship");

    // 2. Cancel it within the hour: instant, refunded to PayPal with the date it arrives.
    await page.getByRole("link", { name: new RegExp(`^Order ${first}\\b`) }).click();
    await page.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
    await page.getByRole("button", { name: "Cancel order", exact: true }).click();
    const status = page.getByRole("region", { name: "Order status" });
    await expect(status.getByText("Cancelled", { exact: true })).toBeVisible();
    const refunds = page.getByRole("region", { name: "Refunds", exact: true });
    await expect(refunds).toContainText("PayPal");
    await expect(refunds).toContainText(/expected by \w{3}, \w{3} \d{1,2}/);
    await noSidewaysScroll(page);
    await expectStage(page, first, "Cancelled");

    // 3. Buy again, through the cart this time.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Shop", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "All of Maple & Moss Home" }).click();
    await page.getByRole("link", { name: /Wool throw blanket/ }).click();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText("Added to your cart: 1 × Wool throw blanket.")).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cart (1)" }).click();
    await expect(page.getByRole("heading", { name: "Cart", level: 1 })).toBeVisible();
    await noSidewaysScroll(page);
    await page.getByRole("link", { name: "Check out from Maple & Moss Home" }).click();
    await page.getByRole("radio", { name: "PayPal" }).check();
    await page.getByRole("button", { name: "Place and pay $64.00" }).click();
    await expect(page.getByRole("heading", { name: /^Order \d+$/ })).toBeVisible();
    const second = (await page.getByRole("heading", { name: /^Order \d+$/ }).textContent())!.replace("Order ", "");
    const secondUrl = page.url();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cart", exact: true })).toBeVisible();

    // 4. The hour passes (the world's clock, moved from the clock bar): now cancelling is a request.
    const bar = page.getByRole("region", { name: "Simulator clock" });
    // On a phone the clock bar is one line (the world and its time) that opens on its controls.
    if (phone) await bar.getByText(world, { exact: true }).first().click();
    await bar.getByRole("button", { name: "+1 hour" }).click();
    await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toBeVisible();
    await page.goto(secondUrl);
    await expect(status.getByText("Awaiting shipment", { exact: true })).toBeVisible();
    await page.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
    await page.getByRole("button", { name: "Ask the seller to cancel" }).click();
    await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Waiting for the seller");
    await page.screenshot({ path: testInfo.outputPath(`request-${viewport.width}.png`), fullPage: true });
    await expectStage(page, second, "To ship");

    // 5. Switch to the seller from the order page, and reject.
    await page.goto(secondUrl);
    await page.getByRole("navigation", { name: "See this order as" }).getByRole("button", { name: "The seller (Maya Patel)" }).click();
    await expect(page.getByRole("navigation", { name: "See this order as" }).getByRole("button", { name: "The buyer (Ben Okafor)" })).toBeVisible();
    expect(page.url()).toBe(secondUrl);
    await page.getByLabel("Reason for rejecting").selectOption({ label: "Already packed or shipped; tracking will update soon" });
    await page.getByRole("button", { name: "Reject the cancellation" }).click();
    await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Rejected by the seller");
    await noSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath(`rejected-${viewport.width}.png`), fullPage: true });

    // 6. Back to the buyer, on the same order: the rejection, and what they may do about it.
    await page.getByRole("navigation", { name: "See this order as" }).getByRole("button", { name: "The buyer (Ben Okafor)" }).click();
    expect(page.url()).toBe(secondUrl);
    await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Rejected by the seller");
    await expect(page.getByRole("button", { name: "Ask platform support to decide" })).toBeVisible();
    await expectStage(page, second, "To ship");

    // Two orders of the buyer's own; every seeded order is as it was.
    expect(await db.order.count({ where: { worldId } })).toBe(seeded + 2);
    expect(await db.order.count({ where: { worldId, buyerId: { endsWith: "buyer-ben" }, code: { in: [first, second] } } })).toBe(2);
  });
}
