import type { Page } from "@playwright/test";
import { solidPng } from "@/lib/server/demo/png";
import { expect, signInAs, test } from "./support";

const DAY = 24 * 3_600_000;

async function switchTo(page: Page, name: string, orderId: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, name);
  await page.goto(`/orders/${orderId}`);
}

const status = (page: Page, label: string) => expect(page.getByRole("region", { name: "Order status" }).getByText(label, { exact: true })).toBeVisible();
const deadlines = (page: Page) => page.getByRole("region", { name: "Deadlines" });

test("shipped → carrier picks up and delivers → return approved and shipped back → parcel rejected → dispute with both sides → decided for the buyer → appeal decided by another agent", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-ben",
    shopId: "shop-river",
    items: [{ productId: "p-river-1", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "PAYPAL",
    status: "AWAITING_COLLECTION",
    placedAt: new Date(Date.now() - 2 * DAY),
  });

  // The simulated carrier, from the order page's deadlines.
  await signInAs(page, "Rosa Lindqvist");
  await page.goto(`/orders/${order.id}`);
  await deadlines(page).getByRole("button", { name: "Carrier: pick up now" }).click();
  await status(page, "In transit");
  await deadlines(page).getByRole("button", { name: "Carrier: deliver now" }).click();
  await status(page, "Delivered");

  await switchTo(page, "Ben Okafor", order.id);
  await page.getByRole("radio", { name: "Return the item for a refund" }).check();
  await page.getByLabel("What is wrong?").selectOption({ label: "Damaged item" });
  await page.getByRole("region", { name: "What you can do" }).getByLabel("Photos").setInputFiles({ name: "dent.png", mimeType: "image/png", buffer: solidPng([120, 120, 200], 24) });
  await page.getByRole("button", { name: "Ask for a refund or a return" }).click();
  const request = page.getByRole("region", { name: "Refund or return" });
  await expect(request).toContainText("Waiting for the seller's review");

  await switchTo(page, "Rosa Lindqvist", order.id);
  await page.getByRole("button", { name: "Approve the request" }).click();
  await expect(request).toContainText("Approved, waiting for the buyer to ship the item back");

  await switchTo(page, "Ben Okafor", order.id);
  await page.getByRole("radio", { name: /arrange and pay for shipping myself/ }).check();
  await page.getByLabel("Carrier (if you arrange shipping yourself)").selectOption({ label: "UPS" });
  await page.getByLabel("Tracking number (if you arrange shipping yourself)").fill("short");
  await page.getByRole("button", { name: "I've shipped the return" }).click();
  await expect(page.getByLabel("Tracking number (if you arrange shipping yourself)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Tracking number (if you arrange shipping yourself)").fill("1Z999AA10123456784");
  await page.getByRole("button", { name: "I've shipped the return" }).click();
  await expect(request).toContainText("Return parcel on its way to the seller");
  await expect(request).toContainText("UPS 1Z999AA10123456784");

  await switchTo(page, "Rosa Lindqvist", order.id);
  await deadlines(page).getByRole("button", { name: "Carrier: returned parcel arrives now" }).click();
  await expect(request).toContainText("Parcel back with the seller, waiting for inspection");
  await page.getByLabel("Reason for rejecting").selectOption({ label: "A different item was returned" });
  await page.getByLabel("Photos of what you received").setInputFiles({ name: "received.png", mimeType: "image/png", buffer: solidPng([20, 120, 60], 24) });
  await page.getByRole("button", { name: "Reject the returned item" }).click();
  await expect(request).toContainText("Returned parcel rejected by the seller");

  await switchTo(page, "Ben Okafor", order.id);
  // One thing to escalate: the form names it instead of asking.
  await expect(page.getByRole("region", { name: "What you can do" })).toContainText("About: The rejected refund or return.");
  await page.getByLabel("Your statement").fill("I sent back the jacket I received; the tag is still on it.");
  await page.getByRole("button", { name: "Ask platform support to decide" }).click();
  const disputes = page.getByRole("region", { name: "Disputes" });
  await expect(disputes).toContainText("Open: waiting for platform support");

  await switchTo(page, "Rosa Lindqvist", order.id);
  await page.getByLabel("Your statement").fill("The jacket that came back is a different colour from the one we sent.");
  await page.getByRole("button", { name: "Add a statement" }).click();
  await expect(disputes).toContainText("Seller: The jacket that came back is a different colour");

  await switchTo(page, "Sam Rivera", order.id);
  await expect(disputes).toContainText("Buyer: I sent back the jacket I received");
  // The partial amount says how much is left to refund (the engine refuses more).
  await expect(page.getByText(/^At most \$[\d.,]+: what is left to refund on this case\.$/)).toBeVisible();
  await page.getByRole("radio", { name: "For the buyer" }).check();
  await page.getByLabel("Rationale (both parties read it)").fill("The tracking and the buyer's photos match the original listing.");
  await page.getByRole("button", { name: "Decide the dispute" }).click();
  await expect(disputes).toContainText("Decided for the buyer");
  await expect(page.getByRole("region", { name: "Refunds" })).toContainText("On its way");

  await switchTo(page, "Rosa Lindqvist", order.id);
  await page.getByLabel("Why the decision is wrong").fill("Our warehouse photos show a different colour and size label.");
  await page.getByRole("button", { name: "Appeal the decision" }).click();
  await expect(disputes).toContainText("Appealed by the seller: waiting for another agent");

  // The agent who decided cannot decide the appeal; the page says why.
  await switchTo(page, "Sam Rivera", order.id);
  await expect(page.getByRole("region", { name: "What you can do" })).toContainText("A different agent must decide this appeal: you made the original decision.");
  await expect(page.getByRole("button", { name: "Decide the appeal" })).toHaveCount(0);

  await switchTo(page, "Priya Shah", order.id);
  await page.getByRole("radio", { name: "Overturn it (for the seller)" }).check();
  await page.getByLabel("Rationale").fill("The warehouse photos show a different item came back.");
  await page.getByRole("button", { name: "Decide the appeal" }).click();
  await expect(disputes).toContainText("Appeal granted: decided for the seller");

  // The buyer keeps the refund; the platform compensates the seller from its own account.
  const refunds = await db.refund.findMany({ where: { orderId: order.id } });
  expect(refunds).toHaveLength(1);
  const compensation = await db.ledgerEntry.findMany({ where: { orderId: order.id, kind: "COMPENSATION" } });
  expect(compensation).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ account: "platform", amountMinor: -refunds[0]!.totalMinor }),
      expect.objectContaining({ account: "seller:shop-river", amountMinor: refunds[0]!.totalMinor }),
    ]),
  );
});

test("the buyer refuses the parcel; it comes back; the order is cancelled, not the seller's fault; the seller confirms; the payment network delays the refund", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-diego",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-2", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "IN_TRANSIT",
    placedAt: new Date(Date.now() - 2 * DAY),
  });

  await signInAs(page, "Diego Alvarez");
  await page.goto(`/orders/${order.id}`);
  // Cancel is closed now, and the page says what to do instead.
  await expect(page.getByRole("region", { name: "What you can do" })).toContainText("You can refuse it");
  await page.getByRole("button", { name: "Refuse the parcel" }).click();
  await expect(page.getByRole("region", { name: "Refund or return" })).toContainText("Refused parcel on its way back to the seller");

  await switchTo(page, "Maya Patel", order.id);
  await deadlines(page).getByRole("button", { name: "Carrier: refused parcel arrives now" }).click();
  await status(page, "Cancelled");
  await expect(page.getByRole("region", { name: "Order status" })).toContainText("Reason: Package refused by the buyer. Not the seller's fault.");
  await page.getByRole("button", { name: "Confirm receipt of the refused parcel" }).click();
  const refunds = page.getByRole("region", { name: "Refunds" });
  await expect(refunds).toContainText("On its way");
  await refunds.getByRole("button", { name: "Payment network: delay this refund" }).click();
  await expect(refunds).toContainText("Delayed by the payment network");

  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
  expect(saved).toMatchObject({ status: "CANCELLED", cancelReasonKey: "package_rejected" });
  expect(saved.refunds).toHaveLength(1);
  // The buyer bears the return postage and the original shipping: less than the item price comes back.
  expect(saved.refunds[0]).toMatchObject({ status: "DELAYED" });
  expect(saved.refunds[0]!.totalMinor).toBeLessThan(saved.itemsMinor);
});

test("the seller offers part of the money; a bad amount is refused next to the field; the buyer accepts and the wallet refund arrives at once", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-chloe",
    shopId: "shop-kite",
    items: [{ productId: "p-kite-1", quantity: 1 }],
    shippingFeeMinor: 399,
    paymentMethod: "WALLET",
    status: "DELIVERED",
    placedAt: new Date(Date.now() - 6 * DAY),
  });

  await signInAs(page, "Chloe Martin");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("radio", { name: "A refund, and keep the item" }).check();
  await page.getByLabel("What is wrong?").selectOption({ label: "Not as described" });
  await page.getByRole("region", { name: "What you can do" }).getByLabel("Photos").setInputFiles({ name: "item.png", mimeType: "image/png", buffer: solidPng([90, 90, 200], 24) });
  await page.getByRole("button", { name: "Ask for a refund or a return" }).click();
  const request = page.getByRole("region", { name: "Refund or return" });
  await expect(request).toContainText("Waiting for the seller's review");

  await switchTo(page, "Kenji Mori", order.id);
  await page.getByLabel("Amount to offer (USD)").fill("twelve");
  await page.getByRole("button", { name: "Offer a partial refund" }).click();
  await expect(page.getByLabel("Amount to offer (USD)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Amount to offer (USD)")).toBeFocused();
  expect((await db.returnCase.findFirstOrThrow({ where: { orderId: order.id } })).status).toBe("REQUESTED");
  await page.getByLabel("Amount to offer (USD)").fill("12.50");
  await page.getByRole("button", { name: "Offer a partial refund" }).click();
  await expect(request).toContainText("Partial refund offered, waiting for the buyer");

  await switchTo(page, "Chloe Martin", order.id);
  await page.getByRole("button", { name: "Accept the offer" }).click();
  await expect(page.getByRole("region", { name: "Refunds" })).toContainText("$12.50");
  await expect(page.getByRole("region", { name: "Refunds" })).toContainText("Arrived");
  expect(await db.refund.findMany({ where: { orderId: order.id } })).toEqual([expect.objectContaining({ totalMinor: 1250, destination: "WALLET", status: "ARRIVED" })]);
});

test("platform support cancels an order for fraud; the shop sees who cancelled and why", async ({ page, createOrder }) => {
  const order = await createOrder({
    buyerId: "buyer-ava",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-3", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });

  await signInAs(page, "Sam Rivera");
  await page.goto(`/orders/${order.id}`);
  await page.getByLabel("Reason (operator)").selectOption({ label: "Potential fraud" });
  await page.getByRole("button", { name: "Cancel for fraud or risk" }).click();
  await status(page, "Cancelled");
  await expect(page.getByRole("region", { name: "Order status" })).toContainText("Cancelled by platform support");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, "Maya Patel");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop orders" }).click();
  await page.getByLabel("Status").selectOption({ label: "Cancelled" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: `Order ${order.code}` })).toContainText("Potential fraud · by Platform support");
});
