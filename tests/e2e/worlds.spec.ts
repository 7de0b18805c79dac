import { appTime, readOffsetMs } from "@/lib/server/timers/sim-clock";
import { askToCancel, createPrivateWorld, expect, joinByLink, signInAs, test } from "./support";

test("a facilitator creates a private world; a buyer and a seller join it by link in their own browsers and play a cancel request; members cannot move its clock, even by a forged request; the demo world is untouched", async ({ page, browser, createOrder, db }) => {
  const demoBefore = {
    orders: await db.order.count({ where: { worldId: "demo" } }),
    versions: (await db.order.aggregate({ where: { worldId: "demo" }, _sum: { version: true } }))._sum.version,
    offset: await readOffsetMs(db, "demo"),
  };

  // The facilitator (this browser) creates the world and gets its share link.
  const { worldId, link } = await createPrivateWorld(page, "Room 4 training", "Dana");
  await expect(page.getByRole("heading", { name: "Room 4 training" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Members" })).toContainText("Dana");
  const order = await createOrder({
    world: worldId,
    buyerId: "buyer-diego",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-3", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    status: "AWAITING_SHIPMENT",
    placedAt: new Date(Date.now() - 3 * 3_600_000),
  });

  // Two trainees join by the link, each in a browser of their own.
  const buyer = await joinByLink(browser, link, "Jo");
  const seller = await joinByLink(browser, link, "Sam K");
  await signInAs(buyer, "Diego Alvarez");
  await signInAs(seller, "Maya Patel");
  await expect(buyer.getByRole("region", { name: "Simulator clock" })).toContainText("World: Room 4 training");

  // The buyer asks to cancel; the seller sees the request in their world and approves it.
  await askToCancel(buyer, order.id, "Found a better price");
  await seller.goto(`/orders/${order.id}`);
  await expect(seller.getByRole("region", { name: "Cancel request" })).toContainText("Found a better price");
  await seller.getByRole("button", { name: "Approve the cancellation" }).click();
  await expect(seller.getByRole("region", { name: "Order status" }).getByText("Cancelled", { exact: true })).toBeVisible();
  await buyer.reload();
  await expect(buyer.getByRole("region", { name: "Refunds" })).toContainText("On its way");

  // Members see the clock and why they cannot move it: no jump buttons, no reset, on the bar or by a deadline.
  const bar = buyer.getByRole("region", { name: "Simulator clock" });
  await expect(bar).toContainText("Only this world's owner and the facilitators they choose can move its clock");
  await expect(bar.getByRole("button", { name: "+1 hour" })).toHaveCount(0);
  await expect(buyer.getByRole("button", { name: "Jump the clock here" })).toHaveCount(0);

  // The facilitator's own "+1 hour", captured, and sent again from the buyer's browser: refused.
  await signInAs(page, "Sam Rivera");
  const jump = page.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await page.getByRole("region", { name: "Simulator clock" }).getByRole("button", { name: "+1 hour" }).click();
  const captured = await jump;
  await expect(page.getByRole("region", { name: "Simulator clock" }).getByRole("status").filter({ hasText: "Moved to" })).toBeVisible();
  const offset = await readOffsetMs(db, worldId);
  const headers = await captured.allHeaders();
  const forged = await buyer.request.fetch(captured.url(), {
    method: "POST",
    headers: { "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, accept: "text/x-component", origin: new URL(captured.url()).origin },
    data: captured.postDataBuffer()!,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain("Only this world's owner and the facilitators they choose can move its clock");
  expect(await readOffsetMs(db, worldId)).toBe(offset);

  // Made a facilitator by the owner, the buyer's browser may move the clock.
  await page.goto(`/worlds/${worldId}`);
  await page.getByRole("button", { name: "Make Jo a facilitator" }).click();
  await expect(page.getByRole("region", { name: "Members" })).toContainText("Jo can now move the clock");
  await buyer.reload();
  await bar.getByRole("button", { name: "+1 hour" }).click();
  await expect(bar.getByRole("status").filter({ hasText: "Moved to" })).toBeVisible();
  // (The jump lands at "now + 1 hour" as read when it started, so the offset grows by an hour less the milliseconds it took.)
  expect(await readOffsetMs(db, worldId)).toBeGreaterThan(offset + 3_600_000 - 60_000);

  // Nothing of this reached the demo world: its orders, their versions and its clock are as they were.
  expect(await db.order.count({ where: { worldId: "demo" } })).toBe(demoBefore.orders);
  expect((await db.order.aggregate({ where: { worldId: "demo" }, _sum: { version: true } }))._sum.version).toBe(demoBefore.versions);
  expect(await readOffsetMs(db, "demo")).toBe(demoBefore.offset);
  expect(Math.abs((await appTime(db)).getTime() - Date.now())).toBeLessThan(60_000 + demoBefore.offset);

  await buyer.context().close();
  await seller.context().close();
});

test("a share link that leads nowhere says so; a private world's page and personas are not found for anyone outside it", async ({ page, browser }) => {
  await page.goto("/join/not-a-real-token-000");
  await expect(page.getByRole("heading", { name: "This link does not lead to a world" })).toBeVisible();

  const { worldId } = await createPrivateWorld(page, "Closed room");
  const outsider = await (await browser.newContext()).newPage();
  const response = await outsider.goto(`/worlds/${worldId}`);
  expect(response?.status()).toBe(404);
  // The outsider's persona page is the demo world's.
  await outsider.goto("/");
  await expect(outsider.getByText("You are in the demo world")).toBeVisible();
  await outsider.context().close();
});

test("the owner removes a member, whose browser is out of the world at once, and replaces the share link; the link is built on the configured origin, whatever a client's X-Forwarded-Host says", async ({ page, browser, baseURL }) => {
  const { worldId, link } = await createPrivateWorld(page, "Leaky room", "Dana");
  // The configured origin (APP_ORIGIN), not a header a client sends (issue 26).
  expect(link.startsWith(`${new URL(baseURL!).origin}/join/`)).toBe(true);
  const forged = await page.request.get(`/worlds/${worldId}`, { headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).not.toContain("evil.example");

  const jo = await joinByLink(browser, link, "Jo");
  await signInAs(jo, "Diego Alvarez");
  await expect(jo.getByRole("region", { name: "Simulator clock" })).toContainText("World: Leaky room");

  await page.goto(`/worlds/${worldId}`);
  await page.getByRole("button", { name: "Remove Jo" }).click();
  await expect(page.getByText("Jo is no longer in this world")).toBeVisible();
  await expect(page.getByRole("region", { name: "Members" }).getByText("Jo", { exact: true })).toHaveCount(0);
  // Jo's browser signs nobody in there any more: the persona page is the demo world's.
  await jo.goto("/buyer/orders");
  await expect(jo).toHaveURL(/\/\?signin=required|\/$/);
  await jo.goto("/");
  await expect(jo.getByText("You are in the demo world")).toBeVisible();

  // The leaked link leads nowhere once replaced; the new one is shown.
  await page.getByRole("button", { name: /Replace the link/ }).click();
  await expect(page.getByText("The share link is new")).toBeVisible();
  const fresh = await page.getByRole("textbox", { name: /Anyone with this link can join/ }).inputValue();
  expect(fresh).not.toBe(link);
  await jo.goto(new URL(link).pathname);
  await expect(jo.getByRole("heading", { name: "This link does not lead to a world" })).toBeVisible();
  await jo.context().close();
});
