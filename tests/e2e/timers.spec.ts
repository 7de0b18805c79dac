import { appTime } from "@/lib/server/timers/sim-clock";
import { askToCancel, createPrivateWorld, expect, signInAs, test } from "./support";

// The clock moves only in a private world (its owner's browser may move it): each test makes its own.
test("the seller says nothing; the clock jumps to the answer deadline; the platform approves the cancel and refunds", async ({ page, createOrder, db }) => {
  const { worldId } = await createPrivateWorld(page, "Timers: silent seller");
  const order = await createOrder({
    world: worldId,
    buyerId: "buyer-diego",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-4", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });

  await signInAs(page, "Diego Alvarez");
  await askToCancel(page, order.id, "Found a better price");

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
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ }).click();
  await expect(page.getByRole("list", { name: "Notifications" }).getByText(`Order ${order.code} was cancelled automatically by the platform`)).toBeVisible();

  const saved = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: { orderBy: { seq: "desc" }, take: 1 } } });
  expect(saved).toMatchObject({ status: "CANCELLED", cancelledByRole: "SYSTEM" });
  expect(saved.events[0]).toMatchObject({ actorRole: "SYSTEM", type: "ORDER_CANCELLED" });
});

test("the clock bar shows app time and jumps to the next deadline, naming it", async ({ page }) => {
  await createPrivateWorld(page, "Timers: next deadline");
  await signInAs(page, "Sam Rivera");
  const bar = page.getByRole("region", { name: "Simulator clock" });
  await expect(bar).toContainText("App time:");
  const jump = bar.getByRole("button", { name: /Jump to next deadline( anywhere)?: .+ \(order \d+, in .+\)/ });
  await expect(jump).toBeVisible();
  await jump.click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toContainText(/the platform acted on \d+ deadline/);
});

test("+1 hour and +1 day move the world's clock forward; resetting the world restores its start and real time, and no other world", async ({ page, createOrder, db }) => {
  const { worldId } = await createPrivateWorld(page, "Timers: reset");
  const mine = await createOrder({ world: worldId, buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD" });
  const demo = { orders: await db.order.count({ where: { worldId: "demo" } }), offset: await appTime(db).then((t) => t.getTime() - Date.now()) };
  await signInAs(page, "Ava Thompson");
  const bar = page.getByRole("region", { name: "Simulator clock" });
  const before = await appTime(db, undefined, worldId);

  await bar.getByRole("button", { name: "+1 hour" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toBeVisible();
  const afterHour = await appTime(db, undefined, worldId);
  expect(afterHour.getTime() - before.getTime()).toBeGreaterThanOrEqual(3_600_000);
  expect(afterHour.getTime() - before.getTime()).toBeLessThan(3_600_000 + 60_000);
  // The order's 1-hour cancel window fell due on the way, and a timer acted on it.
  await expect.poll(async () => (await db.order.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("AWAITING_SHIPMENT");

  await bar.getByRole("button", { name: "+1 day" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" }).last()).toBeVisible();
  await expect.poll(async () => (await appTime(db, undefined, worldId)).getTime() - afterHour.getTime()).toBeGreaterThanOrEqual(24 * 3_600_000);

  // The phone's folded copy of the controls is in the page too, hidden at this width.
  await bar.getByText("Reset this world", { exact: true }).filter({ visible: true }).click();
  await bar.getByRole("button", { name: "Yes, reset this world" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "The world was reset" })).toBeVisible();
  expect(Math.abs((await appTime(db, undefined, worldId)).getTime() - Date.now())).toBeLessThan(60_000);
  expect(await db.order.count({ where: { id: mine.id } })).toBe(0);
  expect(await db.order.count({ where: { worldId } })).toBeGreaterThanOrEqual(80);
  expect(await db.clockJump.count({ where: { worldId } })).toBe(0);
  // The demo world did not move.
  expect(await db.order.count({ where: { worldId: "demo" } })).toBe(demo.orders);
  expect(Math.abs((await appTime(db)).getTime() - Date.now() - demo.offset)).toBeLessThan(60_000);
});

test("in the demo world, shared by everyone, nobody can move the clock, and the bar says why", async ({ page }) => {
  await signInAs(page, "Sam Rivera");
  const bar = page.getByRole("region", { name: "Simulator clock" });
  await expect(bar).toContainText("World: The demo world");
  await expect(bar).toContainText("nobody can move it or reset it");
  await expect(bar.getByRole("button", { name: "+1 hour" })).toHaveCount(0);
  await expect(bar.getByText("Reset this world")).toHaveCount(0);
  await bar.getByRole("link", { name: "Create a private world" }).click();
  await expect(page.getByRole("heading", { name: "Create a private world" })).toBeVisible();
});
