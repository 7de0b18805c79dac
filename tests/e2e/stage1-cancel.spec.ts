import { expect, signInAs, test } from "./support";

test("a buyer cancels an order in its 1-hour window; the seller sees the cancellation and a notification", async ({ page, createOrder, db }) => {
  // The test's own order: Ava bought two mugs from Maple & Moss Home a moment ago, by card.
  const order = await createOrder({
    buyerId: "buyer-ava",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-1", quantity: 2 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "ON_HOLD",
  });
  const stockBefore = (await db.product.findUniqueOrThrow({ where: { id: "p-maple-1" } })).stock;

  await signInAs(page, "Ava Thompson");
  await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
  await page.getByRole("link", { name: `Order ${order.code}` }).click();

  await expect(page.getByRole("heading", { name: `Order ${order.code}` })).toBeVisible();
  await expect(page.getByText("You will get a full refund of $41.99 to your card")).toBeVisible();

  // Submitting without a reason is refused next to the field, and changes nothing.
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByText("Choose a reason for cancelling.")).toBeVisible();
  await expect(page.getByLabel("Reason for cancelling")).toHaveAttribute("aria-invalid", "true");
  // Focus goes to the field to fix, so a keyboard user can choose at once.
  await expect(page.getByLabel("Reason for cancelling")).toBeFocused();
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ON_HOLD");

  await page.getByLabel("Reason for cancelling").selectOption({ label: "Found a better price" });
  await page.getByRole("button", { name: "Cancel order" }).click();

  const status = page.getByRole("region", { name: "Order status" });
  await expect(status.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(status).toContainText("Reason: Found a better price");
  const refunds = page.getByRole("region", { name: "Refunds" });
  await expect(refunds).toContainText("$41.99");
  await expect(refunds).toContainText(/On its way · expected by \w{3}, \w{3} \d{1,2}, \d{4}/);

  // The database agrees: one refund, the stock back, the order cancelled by the buyer.
  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
  expect(saved).toMatchObject({ status: "CANCELLED", cancelledByRole: "BUYER", cancelReasonKey: "better_price" });
  expect(saved.refunds).toHaveLength(1);
  expect((await db.product.findUniqueOrThrow({ where: { id: "p-maple-1" } })).stock).toBe(stockBefore + 2);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, "Maya Patel");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop orders" }).click();
  const row = page.getByRole("row", { name: new RegExp(`Order ${order.code}`) });
  await expect(row).toContainText("Cancelled");
  await expect(row).toContainText("Found a better price");
  await expect(row).toContainText("by Buyer");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ }).click();
  await expect(page.getByRole("list", { name: "Notifications" }).getByText(`Order ${order.code} was cancelled by the buyer`)).toBeVisible();
});

test("a stale page gets the 'order changed' message and cannot cancel twice", async ({ browser, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-ben",
    shopId: "shop-kite",
    items: [{ productId: "p-kite-2", quantity: 1 }],
    shippingFeeMinor: 0,
    paymentMethod: "PAYPAL",
    status: "ON_HOLD",
  });
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInAs(first, "Ben Okafor");
  await first.goto(`/orders/${order.id}`);
  const second = await context.newPage();
  await second.goto(`/orders/${order.id}`);

  await first.getByLabel("Reason for cancelling").selectOption({ label: "Bought by mistake" });
  await first.getByRole("button", { name: "Cancel order" }).click();
  await expect(first.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();

  await second.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
  await second.getByRole("button", { name: "Cancel order" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toContainText("This order changed while you were looking");
  await second.getByRole("link", { name: "Reload" }).click();
  await expect(second.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();

  expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
  await context.close();
});

test("a buyer cannot open another buyer's order, and a shipped order explains why it cannot be cancelled", async ({ page, createOrder }) => {
  const bens = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-3", quantity: 1 }], shippingFeeMinor: 499, paymentMethod: "CARD", status: "ON_HOLD" });
  const shipped = await createOrder({ buyerId: "buyer-chloe", shopId: "shop-maple", items: [{ productId: "p-maple-3", quantity: 1 }], shippingFeeMinor: 499, paymentMethod: "WALLET", status: "IN_TRANSIT", placedAt: new Date(Date.now() - 2 * 24 * 3_600_000) });

  await signInAs(page, "Chloe Martin");
  await page.goto(`/orders/${bens.id}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

  await page.goto(`/orders/${shipped.id}`);
  await expect(page.getByText("Cancel is no longer available: the parcel has shipped. You can refuse it, or request a return after delivery.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

test("pages need a signed-in persona", async ({ page }) => {
  await page.goto("/buyer/orders");
  await expect(page).toHaveURL(/\/\?signin=required/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Choose a persona to continue.");
});
