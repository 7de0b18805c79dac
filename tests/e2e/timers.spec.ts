import { expect, signInAs, test } from "./support";

test("the seller says nothing; the clock jumps to the answer deadline; the platform approves the cancel and refunds", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-diego",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-4", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });

  await signInAs(page, "Diego Alvarez");
  await page.goto(`/orders/${order.id}`);
  await page.getByLabel("Reason for cancelling").selectOption({ label: "Found a better price" });
  await page.getByRole("button", { name: "Ask the seller to cancel" }).click();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Waiting for the seller");

  // The answer deadline is shown with its countdown, and the clock can jump straight to it.
  const deadline = page.getByRole("region", { name: "Deadlines" }).getByRole("listitem").filter({ hasText: "Seller must answer the cancel request by" });
  await expect(deadline).toContainText(/\d+ h \d+ min left/);
  await deadline.getByRole("button", { name: "Jump the clock here" }).click();
  // The page refreshes with what the timers did (the deadline itself is gone: it was acted on).

  await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Approved automatically");
  await expect(page.getByRole("region", { name: "Refunds" })).toContainText("On its way");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("The seller did not answer the cancel request in time, so the platform approved it");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("The platform (automatic)");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, "Maya Patel");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("list", { name: "Notifications" }).getByText(`Order ${order.code} was cancelled automatically by the platform`)).toBeVisible();

  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: { orderBy: { seq: "desc" }, take: 1 } } });
  expect(saved).toMatchObject({ status: "CANCELLED", cancelledByRole: "SYSTEM" });
  expect(saved.events[0]).toMatchObject({ actorRole: "SYSTEM", type: "ORDER_CANCELLED" });
});

test("the clock bar shows app time and jumps to the next deadline, naming it", async ({ page }) => {
  await signInAs(page, "Sam Rivera");
  const bar = page.getByRole("region", { name: "Simulator clock" });
  await expect(bar).toContainText("App time:");
  const jump = bar.getByRole("button", { name: /Jump to next deadline: .+ \(order \d+, in .+\)/ });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toContainText(/the platform acted on \d+ deadline/);
});
