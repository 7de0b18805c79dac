/**
 * The buyer's side (issue 29): buy from the storefront and play the seed article's first case on an
 * order of one's own — no seeded order touched — on a desktop and on a phone-sized screen.
 */
import { expect, noSidewaysScroll, signInAs, test } from "./support";


for (const viewport of [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
]) {
  test(`at ${viewport.width} px: a buyer buys with PayPal from the storefront, then cancels within the hour and is refunded to PayPal`, async ({ browser, db }, testInfo) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await signInAs(page, "Ben Okafor");
    await page.getByRole("link", { name: "Shop", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Shop", level: 1 })).toBeVisible();
    await expect(page.getByText(/Cancel instantly within the first hour after paying/).first()).toBeVisible();
    await noSidewaysScroll(page);
    await page.getByRole("link", { name: /Aluminium phone stand/ }).first().click();
    await expect(page.getByRole("heading", { name: "Aluminium phone stand" })).toBeVisible();
    await noSidewaysScroll(page);
    await page.getByLabel("Quantity").selectOption("2");
    await page.getByRole("button", { name: "Buy now" }).click();

    await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
    // $24.50 × 2 = $49.00: under $50, so $5.99 shipping.
    await expect(page.getByText("$54.99", { exact: true })).toBeVisible();
    await page.getByRole("radio", { name: "PayPal" }).check();
    await noSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath(`checkout-${viewport.width}.png`), fullPage: true });
    const before = await db.order.count({ where: { buyerId: "buyer-ben" } });
    await page.getByRole("button", { name: "Place and pay $54.99" }).click();

    await expect(page.getByRole("heading", { name: /^Order \d+$/ })).toBeVisible();
    const status = page.getByRole("region", { name: "Order status" });
    await expect(status.getByText("On hold", { exact: true })).toBeVisible();
    const orderId = page.url().split("/orders/")[1]!;
    expect(await db.order.count({ where: { buyerId: "buyer-ben" } })).toBe(before + 1);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "ON_HOLD", paymentMethod: "PAYPAL", totalMinor: 5499, shipTo: expect.stringContaining("88 Mission Street") });

    await page.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
    await page.getByRole("button", { name: "Cancel order", exact: true }).click();
    await expect(status.getByText("Cancelled", { exact: true })).toBeVisible();
    const refunds = page.getByRole("region", { name: "Refunds", exact: true });
    await expect(refunds).toContainText("$54.99");
    await expect(refunds).toContainText("PayPal");
    await expect(refunds).toContainText(/expected by \w{3}, \w{3} \d{1,2}/);
    await page.screenshot({ path: testInfo.outputPath(`cancelled-${viewport.width}.png`), fullPage: true });
    await noSidewaysScroll(page);
  });
}

test("checkout refuses what it cannot sell, next to the field, and writes nothing", async ({ page, db }) => {
  await signInAs(page, "Chloe Martin");
  // Chloe has no PayPal: checkout offers only her wallet and card.
  await page.goto("/checkout?shop=shop-kite&product=p-kite-3&quantity=1");
  await expect(page.getByRole("radio", { name: "PayPal" })).toHaveCount(0);
  await expect(page.getByRole("radio", { name: /^Platform wallet \(\$[\d,]+\.\d\d\)$/ })).toBeChecked();
  // A quantity above the limit, or a product of another shop, is said plainly, with a way back.
  await page.goto("/checkout?shop=shop-kite&product=p-kite-3&quantity=11");
  await expect(page.getByRole("alert").filter({ hasText: "This cannot be bought as it is" })).toContainText("At most 10 of “Aluminium phone stand” in one order.");
  await page.goto("/checkout?shop=shop-kite&product=p-maple-1&quantity=1");
  await expect(page.getByRole("alert").filter({ hasText: "This cannot be bought as it is" })).toContainText("This product is not sold by this shop here.");
  // A new address with its required fields missing: each says so, and nothing is saved.
  await page.goto("/checkout?shop=shop-kite&product=p-kite-3&quantity=1");
  const addresses = await db.address.count({ where: { userId: "buyer-chloe" } });
  await page.getByText("Add an address").click();
  await page.getByLabel("Full name").fill("Chloe Martin");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("Fill in “Street address”.")).toBeVisible();
  await expect(page.getByLabel("Street address")).toBeFocused();
  expect(await db.address.count({ where: { userId: "buyer-chloe" } })).toBe(addresses);
});

test("switching persona in one click: from an order of one's own to its seller and back, and from the header's menu, within the world", async ({ page, db }) => {
  await signInAs(page, "Ben Okafor");
  await page.goto("/checkout?shop=shop-maple&product=p-maple-1&quantity=1");
  await page.getByRole("button", { name: /^Place and pay/ }).click();
  await expect(page.getByRole("heading", { name: /^Order \d+$/ })).toBeVisible();
  const orderUrl = page.url();

  const viewAs = page.getByRole("navigation", { name: "See this order as" });
  await expect(viewAs.getByRole("button")).toHaveText(["The seller (Maya Patel)", "Platform support (Sam Rivera)"]);
  await viewAs.getByRole("button", { name: "The seller (Maya Patel)" }).click();
  await expect(page.getByText("Signed in as")).toContainText("Maya Patel");
  expect(page.url()).toBe(orderUrl);
  await expect(page.getByRole("navigation", { name: "See this order as" }).getByRole("button", { name: "The buyer (Ben Okafor)" })).toBeVisible();
  await page.getByRole("navigation", { name: "See this order as" }).getByRole("button", { name: "The buyer (Ben Okafor)" }).click();
  await expect(page.getByText("Signed in as")).toContainText("Ben Okafor");
  expect(page.url()).toBe(orderUrl);

  // The header's menu: every persona of the demo world, and nobody else's.
  await page.getByText("Switch persona", { exact: true }).click();
  const offered = await page.locator("details[open] ul button").count();
  expect(offered).toBe(await db.user.count({ where: { worldId: "demo" } }));
  await page.locator("details[open] ul button").filter({ hasText: "Priya Shah" }).click();
  await page.waitForURL(/\/support$/);
  await expect(page.getByText("Signed in as")).toContainText("Priya Shah");
});

test("a sign-in sent with a forged destination lands on the persona's home, never elsewhere", async ({ page }) => {
  await page.goto("/");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Sign in as Ben Okafor" }) });
  await form.evaluate((element) => {
    const next = document.createElement("input");
    next.type = "hidden";
    next.name = "next";
    next.value = "https://evil.example/orders/x";
    element.appendChild(next);
  });
  await page.getByRole("button", { name: "Sign in as Ben Okafor" }).click();
  await page.waitForURL(/\/buyer\/orders$/);
});
