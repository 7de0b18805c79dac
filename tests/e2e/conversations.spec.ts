import { askToCancel, createPrivateWorld, expect, joinByLink, signInAs, test } from "./support";

/** The bar: someone else's change shows within 5 seconds, without a reload. */
const LIVE = { timeout: 5_000 };

test("two windows side by side: the buyer asks to cancel and the seller sees it without reloading; they talk; the seller answers with a quick reply and rejects; the buyer escalates and support reads the conversation", async ({ page, browser, createOrder }) => {
  const { worldId, link } = await createPrivateWorld(page, "Talk it over", "Lead");
  const order = await createOrder({ world: worldId, buyerId: "buyer-diego", shopId: "shop-maple", items: [{ productId: "p-maple-8", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * 3_600_000) });

  // Maya's window: her queue, open and left alone.
  const maya = await joinByLink(browser, link, "Maya's desk");
  await signInAs(maya, "Maya Patel");
  await expect(maya.getByRole("heading", { name: "Needs your action" })).toBeVisible();
  const queue = maya.getByRole("list", { name: "Cancel requests" });

  // Diego's window asks to cancel; Maya's queue shows it without a reload.
  await signInAs(page, "Diego Alvarez");
  await askToCancel(page, order.id, "Found a better price");
  const row = queue.getByRole("listitem").filter({ hasText: `Order ${order.code}` });
  await expect(row).toContainText("Found a better price", LIVE);

  // They talk, each seeing the other's message arrive.
  await row.getByRole("link", { name: `Order ${order.code}` }).click();
  const diegoSays = page.getByRole("region", { name: "Conversation" });
  const mayaSees = maya.getByRole("region", { name: "Conversation" });
  await diegoSays.getByRole("textbox", { name: "Message" }).fill("Could you cancel it? I found it cheaper elsewhere.");
  await diegoSays.getByRole("button", { name: "Send" }).click();
  await expect(mayaSees.getByRole("list", { name: "Messages" })).toContainText("Could you cancel it? I found it cheaper elsewhere.", LIVE);

  // Diego starts another message; Maya answers with a quick reply. Diego's draft survives the refresh that brings it.
  await diegoSays.getByRole("textbox", { name: "Message" }).fill("Fine, I will wait for");
  await mayaSees.getByLabel("Quick reply").selectOption({ label: "Your parcel has already been packed; we can't stop it now. You can refuse it at delivery or ask for a return once it arrives." });
  await expect(mayaSees.getByRole("textbox", { name: "Message" })).toHaveValue(/^Your parcel has already been packed/);
  await mayaSees.getByRole("button", { name: "Send" }).click();
  await expect(diegoSays.getByRole("list", { name: "Messages" })).toContainText("Your parcel has already been packed", LIVE);
  await expect(diegoSays.getByRole("textbox", { name: "Message" })).toHaveValue("Fine, I will wait for");

  // Maya rejects; Diego's page follows without a reload.
  await maya.getByLabel("Reason for rejecting").selectOption({ label: "Already packed or shipped; tracking will update soon" });
  await maya.getByRole("button", { name: "Reject the cancellation" }).click();
  await expect(maya.getByRole("region", { name: "Cancel request" })).toContainText("Rejected by the seller");
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Rejected by the seller", LIVE);

  // Diego escalates. Maya starts her statement; Diego adds one first: her draft stays, and sending it says the order changed.
  await page.getByLabel("Your statement").fill("I asked within hours and it had not shipped.");
  await page.getByRole("button", { name: "Ask platform support to decide" }).click();
  await expect(maya.getByRole("region", { name: "Disputes" })).toContainText("Open: waiting for platform support", LIVE);
  await maya.getByLabel("Your statement").fill("It was packed that morning; here is why.");
  await page.getByLabel("Your statement").fill("And the seller never answered my first message in time.");
  await page.getByRole("button", { name: "Add a statement" }).click();
  await expect(maya.getByRole("region", { name: "Disputes" })).toContainText("And the seller never answered my first message in time.", LIVE);
  await expect(maya.getByLabel("Your statement")).toHaveValue("It was packed that morning; here is why.");
  await maya.getByRole("button", { name: "Add a statement" }).click();
  await expect(maya.getByRole("alert").filter({ hasText: "This order changed while you were looking" })).toBeVisible();

  // Platform support sees the conversation in the dispute.
  await signInAs(maya, "Sam Rivera");
  await maya.getByRole("list", { name: "Cases waiting for a decision" }).getByRole("link", { name: `Order ${order.code}: Rejected cancel request` }).click();
  const conversation = maya.getByRole("region", { name: "Conversation between the buyer and the shop" });
  await expect(conversation).toContainText("Could you cancel it? I found it cheaper elsewhere.");
  await expect(conversation).toContainText("Your parcel has already been packed");
  await maya.context().close();
});

test("the inbox: unread conversations first and notifications, unread counts in the header, mark all read; the live stamp is only for people signed in", async ({ page, browser, createOrder }) => {
  const { worldId } = await createPrivateWorld(page, "Inbox room", "Lead");
  const order = await createOrder({ world: worldId, buyerId: "buyer-ben", shopId: "shop-river", items: [{ productId: "p-river-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * 3_600_000) });
  await signInAs(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("region", { name: "Conversation" }).getByRole("textbox", { name: "Message" }).fill("Is the blue one in stock?");
  await page.getByRole("region", { name: "Conversation" }).getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("region", { name: "Conversation" }).getByRole("list", { name: "Messages" })).toContainText("Is the blue one in stock?");

  await signInAs(page, "Rosa Lindqvist");
  const inboxLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox \(\d+ unread\)$/ });
  await inboxLink.click();
  const first = page.getByRole("list", { name: "Conversations" }).getByRole("listitem").first();
  await expect(first).toContainText(`Order ${order.code}`);
  await expect(first).toContainText("Unread");
  await expect(first).toContainText("Is the blue one in stock?");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("Nothing unread.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

  // Someone not signed in gets neither the stamp nor the conversation.
  const stranger = await browser.newContext();
  const origin = new URL(page.url()).origin;
  expect((await stranger.request.get(`${origin}/live`)).status()).toBe(401);
  const orderPage = await stranger.request.get(`${origin}/orders/${order.id}`);
  expect(new URL(orderPage.url()).search).toBe("?signin=required");
  expect(await orderPage.text()).not.toContain("Is the blue one in stock?");
  await stranger.close();
});
