import { expect, signInAs, test } from "./support";

// Issue 32: a command sent with JavaScript is answered with its result, and the page then brings
// itself up to date; without JavaScript the same form posts and gets the page, as before.

test("with JavaScript a cancel is answered with its result, not the page; the page then shows the cancelled order", async ({ page, createOrder }) => {
  const order = await createOrder({ buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD" });
  await signInAs(page, "Ava Thompson");
  // Hydrated (its live poll has started), so the click is React's and not the no-JavaScript post.
  const hydrated = page.waitForRequest((request) => new URL(request.url()).pathname === "/live");
  await page.goto(`/orders/${order.id}`);
  await hydrated;

  await page.getByLabel("Reason for cancelling").selectOption({ label: "Bought by mistake" });
  // The action's answer, read as it passes (a fetch's body is gone from the browser once the page refreshes).
  const answers: string[] = [];
  await page.route(`**/orders/${order.id}`, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    answers.push(await response.text());
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect.poll(() => answers.length).toBe(1);
  const body = answers[0]!;
  // The order's new state and what was done, and nothing of the page (its headings, its forms).
  expect(body).toContain(`"order":{"id":"${order.id}","version":2,"status":"CANCELLED"}`);
  expect(body).toContain("Cancelled by the buyer: Bought by mistake.");
  expect(body).not.toContain("Order status");
  expect(body.length).toBeLessThan(2_000);

  // The page refreshed itself from the server: the status, the refund, and no cancel form left.
  const status = page.getByRole("region", { name: "Order status" });
  await expect(status.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Refunds" })).toContainText("$");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the cancel form posts and the answer is the page: a refusal next to the field first, then the cancelled order", async ({ page, createOrder, db }) => {
    const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-kite", items: [{ productId: "p-kite-2", quantity: 1 }], shippingFeeMinor: 0, paymentMethod: "PAYPAL", status: "ON_HOLD" });
    await signInAs(page, "Ben Okafor");
    await page.goto(`/orders/${order.id}`);

    await page.getByRole("button", { name: "Cancel order" }).click();
    await expect(page.getByText("Choose a reason for cancelling.")).toBeVisible();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ON_HOLD");

    await page.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
    await page.getByRole("button", { name: "Cancel order" }).click();
    await expect(page.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Order status" })).toContainText("Reason: No longer needed");
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");
  });

  test("the header's persona menu and 'See this order as' sign in with one form each, the chosen button's persona", async ({ page, createOrder }) => {
    const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-3", quantity: 1 }], shippingFeeMinor: 499, paymentMethod: "CARD", status: "ON_HOLD" });
    await signInAs(page, "Ben Okafor");
    await page.goto(`/orders/${order.id}`);
    await page.getByRole("navigation", { name: "See this order as" }).getByRole("button", { name: "The seller (Maya Patel)" }).click();
    await expect(page.getByText("Signed in as")).toContainText("Maya Patel");
    await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));

    await page.getByText("Switch persona", { exact: true }).click();
    await page.locator("details[open] ul button").filter({ hasText: "Priya Shah" }).click();
    await expect(page.getByText("Signed in as")).toContainText("Priya Shah");
  });
});
