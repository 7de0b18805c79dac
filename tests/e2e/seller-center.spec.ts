import { askToCancel, createPrivateWorld, expect, signInAs, test } from "./support";

test("the seller's home lists a new cancel request with the buyer's reason and a countdown; another shop's seller never sees it", async ({ page, createOrder }) => {
  const order = await createOrder({
    buyerId: "buyer-diego",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-5", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });
  await signInAs(page, "Diego Alvarez");
  await askToCancel(page, order.id, "Found a better price");

  await signInAs(page, "Maya Patel");
  await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Needs your action \(\d+\)/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cancel requests \(\d+\)/ })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("list", { name: "Cancel requests" }).getByRole("listitem").filter({ hasText: `Order ${order.code}` });
  await expect(row).toContainText("Diego Alvarez");
  await expect(row).toContainText("Found a better price");
  await expect(row).toContainText(/\d+ h \d+ min left/);
  await expect(page.getByText("If you do nothing by the deadline: approved automatically and refunded.")).toBeVisible();
  // The same list as CSV, for this shop's seller only.
  const csv = await page.request.get("/seller/queue.csv?tab=cancel-requests");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`"${order.code}","Diego Alvarez","Found a better price"`);
  await row.getByRole("link", { name: `Order ${order.code}` }).click();
  await page.getByRole("button", { name: "Approve the cancellation" }).click();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Approved by the seller");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Needs your action/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `Order ${order.code}` })).toHaveCount(0);

  // Kenji runs another shop: Maya's queue is not his, by tab or by URL.
  await signInAs(page, "Kenji Mori");
  expect(await (await page.request.get("/seller/queue.csv?tab=cancel-requests")).text()).not.toContain(order.code);
  for (const tab of ["cancel-requests", "to-ship", "requests"]) {
    await page.goto(`/seller?tab=${tab}`);
    await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
    await expect(page.getByText(`Order ${order.code}`)).toHaveCount(0);
  }
});

test("the seller approves two cancel requests at once; each goes through the rules on its own and the answer lists both", async ({ page, createOrder, db }) => {
  const { runOrderCommand } = await import("@/lib/server/orders/run-order-command");
  const { appTime } = await import("@/lib/server/timers/sim-clock");
  const ben = { id: "buyer-ben", worldId: "demo", role: "BUYER" as const, name: "Ben Okafor", shopId: null, shopName: null };
  const orders = [];
  for (const product of ["p-maple-6", "p-maple-7"]) {
    const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: product, quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * 3_600_000) });
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const asked = await runOrderCommand(db, ben, { orderId: order.id, expectedVersion: version, command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" } }, await appTime(db));
    expect(asked.ok).toBe(true);
    orders.push(order);
  }
  await signInAs(page, "Maya Patel");
  for (const order of orders) await page.getByRole("checkbox", { name: `Choose order ${order.code}` }).check();
  await page.getByRole("button", { name: "Approve the chosen cancel requests" }).click();
  const answer = page.getByRole("list", { name: "What happened to each order" });
  for (const order of orders) await expect(answer).toContainText(`Order ${order.code}:`);
  await expect(page.getByText("2 of 2 done.")).toBeVisible();
  for (const order of orders) expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  await expect(page.getByRole("checkbox", { name: `Choose order ${orders[0]!.code}` })).toHaveCount(0);
});

test("when a bulk approval empties the cancel-request tab, what happened to each order stays in view (a copied world's own requests)", async ({ page, db }) => {
  const { worldId } = await createPrivateWorld(page, "Bulk room");
  await signInAs(page, "Maya Patel");
  await page.goto("/seller?tab=cancel-requests");
  const boxes = page.getByRole("checkbox", { name: /^Choose order / });
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "Approve the chosen cancel requests" }).click();
  await expect(page.getByText(`${count} of ${count} done.`)).toBeVisible();
  // The tab is empty now, and says so; the outcomes are still there, with the copied story's order.
  await expect(boxes).toHaveCount(0);
  await expect(page.getByRole("list", { name: "What happened to each order" })).toContainText("Order 100101:");
  await expect(page.getByRole("button", { name: "Approve the chosen cancel requests" })).toHaveCount(0);
  const order = await db.order.findFirstOrThrow({ where: { worldId, code: "100101" } });
  expect(order.status).toBe("CANCELLED");
});

test("the seller changes the auto-approve window; a new order follows it while an older one keeps its own", async ({ page, createOrder, db }) => {
  // In a private world, so that no other test's shop changes.
  const { worldId } = await createPrivateWorld(page, "Settings room");
  const spec = { world: worldId, buyerId: "buyer-diego", shopId: "shop-maple", items: [{ productId: "p-maple-3", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD" as const, status: "AWAITING_SHIPMENT" as const, placedAt: new Date(Date.now() - 100 * 60_000) };
  const older = await createOrder(spec);
  await signInAs(page, "Maya Patel");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop settings" }).click();
  await page.getByLabel(/auto-approve window/).selectOption({ label: "3 hours after the order is ready to ship" });
  await page.getByLabel(/return fee/).fill("abc");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter an amount like 4.99, or 0 for no fee.")).toBeVisible();
  await expect(page.getByLabel(/return fee/)).toBeFocused();
  await page.getByLabel(/return fee/).fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Orders placed from now on follow these settings")).toBeVisible();
  await expect(page.getByRole("list", { name: "Changes to the settings" })).toContainText("Off: every cancel after the first hour is a request → 3 hours after the order is ready to ship");
  await expect(page.getByRole("list", { name: "Changes to the settings" })).toContainText("by Maya Patel");
  const newer = await createOrder(spec);

  await signInAs(page, "Diego Alvarez");
  await page.goto(`/orders/${newer.id}`);
  await expect(page.getByRole("button", { name: "Cancel order" })).toBeVisible();
  await page.goto(`/orders/${older.id}`);
  await expect(page.getByRole("button", { name: "Ask the seller to cancel" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  expect((await db.order.findUniqueOrThrow({ where: { id: older.id } })).autoApproveWindow).toBe("OFF");
});

test("the performance page: an out-of-stock cancel moves the seller-fault rate, a buyer's cancel does not; another shop's seller never sees it", async ({ page, createOrder }) => {
  // In a private world, so that the figures move only with this test's orders.
  const { worldId } = await createPrivateWorld(page, "Performance room");
  const base = { world: worldId, buyerId: "buyer-diego", shopId: "shop-maple", shippingFeeMinor: 599, paymentMethod: "CARD" as const };
  const toShip = await createOrder({ ...base, items: [{ productId: "p-maple-3", quantity: 1 }], status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * 3_600_000) });
  const onHold = await createOrder({ ...base, items: [{ productId: "p-maple-4", quantity: 1 }], status: "ON_HOLD" });

  const sellerFault = async () => {
    await page.goto("/seller/performance");
    const card = page.getByRole("article", { name: "Seller-fault cancellation rate" });
    const text = (await card.getByText(/^\d+ of \d+ orders$/).first().textContent()) ?? "";
    const [counted, paid] = text.match(/\d+/g)!.map(Number);
    return { counted: counted!, paid: paid! };
  };
  await signInAs(page, "Maya Patel");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Performance" }).click();
  await expect(page.getByRole("heading", { name: "Shop performance" })).toBeVisible();
  const before = await sellerFault();

  // Diego cancels in the first hour: his own choice, not the seller's fault.
  await signInAs(page, "Diego Alvarez");
  await page.goto(`/orders/${onHold.id}`);
  await page.getByLabel("Reason for cancelling").selectOption({ label: "Bought by mistake" });
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
  // A buyer gets no shop's figures.
  expect((await page.request.get("/seller/performance.csv")).status()).toBe(403);
  await signInAs(page, "Maya Patel");
  expect(await sellerFault()).toEqual(before);

  // Maya cancels an order she cannot fill: that is hers.
  await page.goto(`/orders/${toShip.id}`);
  await page.getByLabel("Reason for cancelling").selectOption({ label: "Out of stock" });
  await page.getByRole("button", { name: "Cancel this order" }).click();
  await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
  expect(await sellerFault()).toEqual({ counted: before.counted + 1, paid: before.paid });
  await expect(page.getByRole("article", { name: "Seller-fault cancellation rate" }).getByText("Last 7 days")).toBeVisible();

  // The number leads to the orders it counts.
  await page.getByRole("article", { name: "Seller-fault cancellation rate" }).getByRole("link", { name: String(before.counted + 1), exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Cancelled for the seller's fault" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Orders" })).toContainText(`Order ${toShip.code}`);
  await expect(page.getByRole("list", { name: "Orders" })).toContainText("Cancelled: Out of stock");
  expect(await (await page.request.get("/seller/performance.csv")).text()).toContain(`"Seller-fault cancellation rate"`);

  // Kenji's shop is another: none of Maya's figures or orders, by page, list or URL.
  await signInAs(page, "Kenji Mori");
  await page.goto("/seller/performance/orders?list=sfcr&window=30");
  await expect(page.getByRole("heading", { name: "Cancelled for the seller's fault" })).toBeVisible();
  await expect(page.getByText(`Order ${toShip.code}`)).toHaveCount(0);
  const response = await page.goto(`/orders/${toShip.id}`);
  expect(response?.status()).toBe(404);
});
