import type { Command } from "@/lib/order";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { appTime } from "@/lib/server/timers/sim-clock";
import { createPrivateWorld, expect, joinByLink, signInAs, test } from "./support";

const DAY = 86_400_000;

test("two agents: the first takes the most urgent dispute, the second sees it taken; a decision from a template with a partial amount; the appeal goes only to the second agent; the export holds both sides and the decision", async ({ page, browser, createOrder, db }) => {
  // A private world (a copy of the demo's stories), so that this dispute is the most overdue in its queue.
  const { worldId, link } = await createPrivateWorld(page, "Support desk", "Lead");
  const person = (id: string, role: "BUYER" | "SELLER", shopId: string | null = null) => ({ id: `${worldId}_${id}`, worldId, role, name: id, shopId: shopId && `${worldId}_${shopId}`, shopName: null });
  const ben = person("buyer-ben", "BUYER");
  const rosa = person("seller-rosa", "SELLER", "shop-river");
  const now = await appTime(db, undefined, worldId);
  const order = await createOrder({ world: worldId, buyerId: "buyer-ben", shopId: "shop-river", items: [{ productId: "p-river-3", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "DELIVERED", placedAt: new Date(Date.now() - 12 * DAY) });
  // Asked, rejected and escalated five days ago: support's 48-hour target passed three days ago.
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const steps: [typeof ben, Command, Date][] = [
    [ben, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Tracking says delivered, but nothing came.", photoCount: 0 }, at(5.2)],
    [rosa, { type: "REJECT_RETURN", reasonKey: "delivered_per_tracking" }, at(5.1)],
    [ben, { type: "ESCALATE", subject: "CASE", statement: "The parcel never reached my door.", photoCount: 0 }, at(5)],
    [rosa, { type: "ADD_DISPUTE_STATEMENT", disputeId: `${order.id}-dispute-1`, statement: "The carrier's scan shows it at the buyer's address.", photoCount: 0 }, at(4.9)],
  ];
  for (const [who, command, when] of steps) {
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { version: true } });
    const result = await runOrderCommand(db, who, { orderId: order.id, expectedVersion: version, command }, when);
    expect(result.ok, command.type).toBe(true);
  }

  // Sam takes the most urgent case from his queue.
  await signInAs(page, "Sam Rivera");
  await expect(page.getByRole("heading", { name: "Dispute queue" })).toBeVisible();
  const rows = page.getByRole("list", { name: "Cases waiting for a decision" }).getByRole("listitem");
  await expect(rows.first()).toHaveAccessibleName(`Order ${order.code}`);
  await expect(rows.first()).toContainText(/Overdue by \d+ d \d+ h/);
  await rows.first().getByRole("button", { name: "Take this case" }).click();
  await expect(rows.first()).toContainText("You have it");

  // Priya, in her own browser, sees it taken and cannot take it from the queue.
  const priya = await joinByLink(browser, link, "Priya's desk");
  await signInAs(priya, "Priya Shah");
  const hers = priya.getByRole("list", { name: "Cases waiting for a decision" }).getByRole("listitem", { name: `Order ${order.code}` });
  await expect(hers).toContainText("Taken by Sam Rivera");
  await expect(hers.getByRole("button", { name: "Take this case" })).toHaveCount(0);

  // Sam decides for the buyer: a partial amount, the rationale from a template.
  await rows.first().getByRole("link", { name: `Order ${order.code}: Rejected return or refund` }).click();
  await expect(page.getByRole("region", { name: "Case status" })).toContainText("You have this case");
  const sides = page.getByRole("region", { name: "Both sides" });
  await expect(sides.getByRole("region", { name: "The buyer, Ben Okafor" })).toContainText("The parcel never reached my door.");
  await expect(sides.getByRole("region", { name: "The seller, Riverbend Outdoor" })).toContainText("The carrier's scan shows it at the buyer's address.");
  await expect(page.getByRole("region", { name: "What each decision does" })).toContainText(/The buyer is refunded \$39\.99 to their PayPal/);
  const work = page.getByRole("region", { name: "Work this case" });
  await work.getByRole("radio", { name: "For the buyer" }).check();
  await work.getByLabel(/Partial amount/).fill("50.00");
  await work.getByLabel("Template to start from").selectOption({ label: "Buyer's photos show the damage" });
  const template = "The buyer's photos show the item arrived damaged, and the seller's evidence does not show it left in good condition. A refund is due.";
  await expect(work.getByLabel("Rationale (both parties read it)")).toHaveValue(template);
  await work.getByLabel("Rationale (both parties read it)").fill("The carrier's photo shows another door; the buyer gets the item's price back.");
  await work.getByRole("button", { name: "Decide the dispute" }).click();
  // More than is left to refund: refused next to the field, nothing changed.
  await expect(work.getByText("A partial amount must be between $0.01 and $39.99, what is left to refund.")).toBeVisible();
  await work.getByLabel(/Partial amount/).fill("34.00");
  await work.getByRole("button", { name: "Decide the dispute" }).click();
  await expect(page.getByRole("region", { name: "Case status" })).toContainText("Decided for the buyer by Sam Rivera");
  await expect(page.getByRole("region", { name: "Case status" })).toContainText("(partial, $34.00)");

  // Rosa appeals.
  await signInAs(page, "Rosa Lindqvist");
  await page.goto(`/orders/${order.id}`);
  await page.getByLabel("Why the decision is wrong").fill("The carrier confirmed delivery with a signature.");
  await page.getByRole("button", { name: "Appeal the decision" }).click();
  await expect(page.getByRole("region", { name: "Disputes" })).toContainText("Appealed by the seller: waiting for another agent");
  // The workbench is support's: the seller is sent back to their own home from each of its pages.
  for (const path of ["/support", `/support/cases/${order.id}-dispute-1`, "/support/templates"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
  }

  // The appeal is in Priya's queue, not in Sam's.
  await priya.getByRole("link", { name: /^Appeal \(\d+\)$/ }).click();
  await expect(priya.getByRole("listitem", { name: `Order ${order.code}` })).toContainText("Order " + order.code + ": Appeal");
  await signInAs(page, "Sam Rivera");
  await expect(page.getByRole("heading", { name: "Dispute queue" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: `Order ${order.code}` })).toHaveCount(0);

  // The export: both statements and the decision.
  const record = (await (await page.request.get(`/support/cases/${order.id}-dispute-1/record.json`)).json()) as { dispute: { statements: { party: string; text: string }[]; decision: { rationale: string; amountMinor: number } } };
  expect(record.dispute.statements.map((s) => [s.party, s.text])).toEqual([
    ["Buyer", "The parcel never reached my door."],
    ["Seller", "The carrier's scan shows it at the buyer's address."],
  ]);
  expect(record.dispute.decision).toMatchObject({ rationale: "The carrier's photo shows another door; the buyer gets the item's price back.", amountMinor: 3400 });
  await priya.context().close();
});

test("the evidence gallery: a photo opens in a full view; arrows move, + zooms, Escape closes back to the thumbnail", async ({ page, db }) => {
  const dispute = await db.dispute.findFirstOrThrow({ where: { worldId: "demo", order: { evidence: { some: { disputeId: { not: null }, ownerRole: "BUYER" } } } }, select: { id: true } });
  await signInAs(page, "Sam Rivera");
  await page.goto(`/support/cases/${dispute.id}`);
  const photos = page.getByRole("list", { name: "Photos from the buyer" }).getByRole("button");
  const count = await photos.count();
  expect(count).toBeGreaterThan(1);
  await photos.first().click();
  const viewer = page.getByRole("dialog", { name: /Photo 1 from the buyer/ });
  await expect(viewer).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: new RegExp(`Photo 2 from the buyer \\(2 of ${count}\\)`) })).toBeVisible();
  await page.keyboard.press("+");
  await expect(page.getByRole("dialog").getByText("150%")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(photos.first()).toBeFocused();
});
