import { askToCancel, expect, signInAs, test } from "./support";

test("while the seller processes the order the buyer asks to cancel; the seller approves; the buyer is refunded", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-ava",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-2", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });

  await signInAs(page, "Ava Thompson");
  await page.goto(`/orders/${order.id}`);
  // The instant cancel is gone; asking is the way.
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await page.getByLabel("Reason for cancelling").selectOption({ label: "Found a better price" });
  await page.getByRole("button", { name: "Ask the seller to cancel" }).click();
  const request = page.getByRole("region", { name: "Cancel request" });
  await expect(request).toContainText("Waiting for the seller");
  await expect(request).toContainText("Found a better price");
  await expect(page.getByRole("button", { name: "Withdraw my cancel request" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, "Maya Patel");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("button", { name: "Approve the cancellation" }).click();
  await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Approved by the seller");

  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true, cancelRequest: true } });
  expect(saved).toMatchObject({ status: "CANCELLED", cancelledByRole: "SELLER", cancelReasonKey: "better_price", faultParty: "BUYER" });
  expect(saved.cancelRequest?.status).toBe("APPROVED");
  expect(saved.refunds).toHaveLength(1);
});

test("the seller rejects a cancel request with a reason, then arranges shipment", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-ben",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-1", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "PAYPAL",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });
  await signInAs(page, "Ben Okafor");
  await askToCancel(page, order.id, "No longer needed");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, "Maya Patel");
  await page.goto(`/orders/${order.id}`);
  // Rejecting without a reason is refused next to the field.
  await page.getByRole("button", { name: "Reject the cancellation" }).click();
  await expect(page.getByText("Choose a reason for rejecting.")).toBeVisible();
  await expect(page.getByLabel("Reason for rejecting")).toBeFocused();
  await page.getByLabel("Reason for rejecting").selectOption({ label: "Already packed or shipped; tracking will update soon" });
  await page.getByRole("button", { name: "Reject the cancellation" }).click();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Rejected by the seller");

  await page.getByRole("button", { name: "Arrange shipment" }).click();
  await expect(page.getByRole("region", { name: "Order status" })).toContainText("Awaiting carrier pickup");
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("AWAITING_COLLECTION");
});
