import { checkOrders } from "@/lib/server/checks/check-orders";
import { appTime } from "@/lib/server/timers/sim-clock";
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
  const jump = bar.getByRole("button", { name: /Jump to next deadline( anywhere)?: .+ \(order \d+, in .+\)/ });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toContainText(/the platform acted on \d+ deadline/);
});

// The browser tests run one at a time (playwright.config.ts: workers 1) and create their own orders,
// so a reset here takes nothing from another test; the seeded world it restores is what lists.spec reads.
test("+1 hour and +1 day move the app clock forward; resetting the demo world restores the seed and real time", async ({ page, createOrder, db }) => {
  const mine = await createOrder({ buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD" });
  await signInAs(page, "Ava Thompson");
  const bar = page.getByRole("region", { name: "Simulator clock" });
  const before = await appTime(db);

  await bar.getByRole("button", { name: "+1 hour" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toBeVisible();
  const afterHour = await appTime(db);
  expect(afterHour.getTime() - before.getTime()).toBeGreaterThanOrEqual(3_600_000);
  expect(afterHour.getTime() - before.getTime()).toBeLessThan(3_600_000 + 60_000);
  // The order's 1-hour cancel window fell due on the way, and a timer acted on it.
  await expect.poll(async () => (await db.order.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("AWAITING_SHIPMENT");

  await bar.getByRole("button", { name: "+1 day" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" }).last()).toBeVisible();
  await expect.poll(async () => (await appTime(db)).getTime() - afterHour.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000);

  // The reset wipes what every browser test built, so their invariants are checked first (npm test's
  // db:check afterwards sees only the restored world).
  expect(await checkOrders(db)).toEqual([]);
  await bar.getByText("Reset demo world").click();
  await bar.getByRole("button", { name: "Yes, reset the demo world" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  expect(Math.abs((await appTime(db)).getTime() - Date.now())).toBeLessThan(60_000);
  expect(await db.order.count({ where: { id: mine.id } })).toBe(0);
  expect(await db.order.count()).toBeGreaterThanOrEqual(80);
  expect(await db.clockJump.count()).toBe(0);
});
