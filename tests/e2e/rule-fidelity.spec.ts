/**
 * The rules an audit against the platform's published rules corrected (issue 13), as a buyer meets
 * them in the browser: which reason allows which request, "won't arrive on time" only after the
 * estimated delivery date, a lost parcel, US Buyer Protection on a completed order, and the prepaid
 * return label.
 */
import type { Page } from "@playwright/test";
import { solidPng } from "@/lib/server/demo/png";
import { expect, signInAs, test } from "./support";

const DAY = 24 * 3_600_000;
const status = (page: Page, label: string) => expect(page.getByRole("region", { name: "Order status" }).getByText(label, { exact: true })).toBeVisible();
const deadlines = (page: Page) => page.getByRole("region", { name: "Deadlines" });
const request = (page: Page) => page.getByRole("region", { name: "Refund or return" });
const ask = (page: Page) => page.getByRole("button", { name: "Ask for a refund or a return" });

async function switchTo(page: Page, name: string, orderId: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAs(page, name);
  await page.goto(`/orders/${orderId}`);
}

test("which reason allows which request: a change of mind is a return, a parcel not received is a refund with a written description", async ({ page, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "DELIVERED", placedAt: new Date(Date.now() - 6 * DAY) });
  await signInAs(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText(/No longer needed \(change of mind\): a return and refund only\./)).toBeVisible();

  await page.getByRole("radio", { name: "A refund, and keep the item" }).check();
  await page.getByLabel("What is wrong?").selectOption({ label: "No longer needed (change of mind)" });
  await ask(page).click();
  await expect(page.getByText(/“No longer needed \(change of mind\)” allows a return and refund only \(the item goes back to the shop\)\. Choose “Return and refund”\./)).toBeVisible();

  await page.getByRole("radio", { name: "A refund, and keep the item" }).check();
  await page.getByLabel("What is wrong?").selectOption({ label: "Package not received" });
  await ask(page).click();
  await expect(page.getByLabel("Describe the problem")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/“Package not received” needs a written description/)).toBeVisible();
  expect(await db.returnCase.count({ where: { orderId: order.id } })).toBe(0);

  await page.getByLabel("Describe the problem").fill("Tracking says delivered, but nothing came to my door.");
  await ask(page).click();
  await expect(request(page)).toContainText("Waiting for the seller's review");
  await expect(request(page)).toContainText("Package not received");
});

test("a parcel in transit: the estimated delivery date is shown and a late-parcel refund waits for it; the carrier loses the parcel and the order is cancelled, not the seller's fault", async ({ page, createOrder }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-3", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "WALLET", status: "IN_TRANSIT", placedAt: new Date(Date.now() - 2 * DAY) });
  await signInAs(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByRole("region", { name: "Order status" })).toContainText(/Estimated delivery: by .* in Los Angeles = .* UTC/);
  await expect(page.getByText(/Ask for a refund or a return: The parcel is expected by .* in Los Angeles = .* UTC\. If it hasn't arrived by then/)).toBeVisible();
  await expect(ask(page)).toHaveCount(0);

  await deadlines(page).getByRole("button", { name: "Carrier: lose the parcel" }).click();
  await expect(deadlines(page)).toContainText("Cancelled as lost in transit if there is still no scan by");
  await deadlines(page).getByRole("button", { name: "Carrier: still no scan now" }).click();
  await status(page, "Cancelled");
  await expect(page.getByRole("region", { name: "Order status" })).toContainText("Reason: Package lost in transit. Not the seller's fault.");
  await expect(page.getByRole("region", { name: "Refunds" })).toContainText("$");
});

test("a parcel delayed past its estimated date: the buyer asks for a refund because it won't arrive on time; its delivery closes the request", async ({ page, createOrder }) => {
  // Placed two weeks ago: its estimated delivery date (the 6th business day) has passed; the carrier delays it now.
  const order = await createOrder({ buyerId: "buyer-chloe", shopId: "shop-lumen", items: [{ productId: "p-lumen-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "IN_TRANSIT", placedAt: new Date(Date.now() - 14 * DAY) });
  await signInAs(page, "Chloe Martin");
  await page.goto(`/orders/${order.id}`);
  await deadlines(page).getByRole("button", { name: "Carrier: delay the parcel" }).click();
  // The status stays "In transit": wait for the delay itself, so that the form below carries the new version.
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Simulator: the carrier delayed the parcel");
  await status(page, "In transit");

  await page.getByLabel("What is wrong?").selectOption({ label: "Won't arrive on time" });
  await ask(page).click();
  await expect(request(page)).toContainText("Waiting for the seller's review");

  await deadlines(page).getByRole("button", { name: "Carrier: deliver now" }).click();
  await status(page, "Delivered");
  await expect(request(page)).toContainText("Closed");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("The buyer's request for a late parcel closed (delivered)");
  await expect(ask(page)).toBeVisible();
});

test("US Buyer Protection: on day 45 of a completed order a damaged item is returned with the prepaid label and refunded from the seller's balance", async ({ page, createOrder }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-4", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "WALLET", status: "COMPLETED", placedAt: new Date(Date.now() - 50 * DAY) });
  await signInAs(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  await status(page, "Completed");
  await page.getByRole("radio", { name: "Return the item for a refund" }).check();
  await page.getByLabel("What is wrong?").selectOption({ label: "Damaged item" });
  await page.getByRole("region", { name: "What you can do" }).getByLabel("Photos").setInputFiles({ name: "crack.png", mimeType: "image/png", buffer: solidPng([200, 60, 60], 24) });
  await ask(page).click();
  await expect(request(page)).toContainText("Waiting for the seller's review");

  await switchTo(page, "Maya Patel", order.id);
  await page.getByRole("button", { name: "Approve the request" }).click();
  await expect(request(page)).toContainText("Approved, waiting for the buyer to ship the item back");

  await switchTo(page, "Ben Okafor", order.id);
  await page.getByRole("radio", { name: /Prepaid return label/ }).check();
  await page.getByRole("button", { name: "I've shipped the return" }).click();
  await expect(request(page)).toContainText(/USPS 9400\d{18}/);

  await switchTo(page, "Maya Patel", order.id);
  await deadlines(page).getByRole("button", { name: "Carrier: returned parcel arrives now" }).click();
  await page.getByRole("button", { name: "Accept the returned item" }).click();
  await expect(request(page)).toContainText("Refunded");
  const money = page.getByRole("region", { name: "Money" });
  await expect(money).toContainText(/Refunded\s*\$\d+\.\d{2}/);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Return postage of $7.99 is charged to the seller.");
});
