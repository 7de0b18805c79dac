/**
 * Issue 30 (first part): the machines drawn. "How it works" shows each of the engine's machines as a
 * diagram with the table of its moves, also in Chinese; the rules reference is a page; an order page
 * says where the order is — its state highlighted, what each party may do now, what the platform will
 * do when.
 */
import { expect, signInAs, test } from "./support";

const MACHINES = ["The order", "The cancel request", "The refund or return request", "The refund", "The dispute and its appeal"];

test("how it works: every machine drawn, with the table of its moves, from the footer and in Chinese", async ({ page, context }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "How it works" }).click();
  await expect(page.getByRole("heading", { name: "How it works", level: 1 })).toBeVisible();
  for (const machine of MACHINES) {
    const section = page.getByRole("region", { name: machine, exact: true });
    await expect(section.getByRole("img", { name: `State diagram of ${machine}` })).toBeVisible();
    await expect(section.getByRole("table", { name: `Moves of ${machine}` })).toBeVisible();
  }
  // The order's first move: paying, by the buyer.
  const moves = page.getByRole("region", { name: "The order", exact: true }).getByRole("table");
  await expect(moves.getByRole("row").nth(1)).toContainText("Awaiting payment");
  await expect(moves.getByRole("row").nth(1)).toContainText("Pay (the buyer)");
  // The same page in Traditional Chinese, state names and all.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-Hant", url: new URL(page.url()).origin }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "運作方式", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "取消申請", exact: true }).getByRole("img", { name: "取消申請的狀態圖" })).toBeVisible();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);

  await page.goto("/how-it-works");
  await page.getByRole("link", { name: "Open the rules reference" }).click();
  await expect(page.getByRole("heading", { name: "Rules reference", level: 1 })).toBeVisible();
  await expect(page.getByText("PAY-1", { exact: true })).toBeVisible();
});

test("an order page says where the order is: its state highlighted, each party's moves now, the platform's next act", async ({ page, db }) => {
  await signInAs(page, "Diego Alvarez");
  // The seed's cancel request with hours left (100101): the seller's answer is what the order waits for.
  const order = await db.order.findFirstOrThrow({ where: { worldId: "demo", code: "100101" }, select: { id: true } });
  await page.goto(`/orders/${order.id}`);
  const where = page.getByRole("region", { name: "Where this order is" });
  await expect(where.getByRole("listitem").filter({ hasText: /^Seller: / })).toContainText("Approve the cancellation");
  await expect(where.getByText(/Seller must answer the cancel request by — .+: /)).toBeVisible();
  await where.getByText("The machines, where it is now highlighted").click();
  await expect(where.getByRole("img", { name: "State diagram of The order" })).toBeVisible();
  await expect(where.locator('[data-current="true"]')).toHaveCount(2);
  await expect(where.getByRole("img", { name: "State diagram of The order" }).locator('[data-current="true"]')).toHaveAttribute("data-state", "AWAITING_SHIPMENT");
  await expect(where.getByRole("img", { name: "State diagram of The cancel request" }).locator('[data-current="true"]')).toHaveAttribute("data-state", "PENDING");
});

test("replay: from an order's timeline, step through its history and see the order after each step", async ({ page, db }) => {
  await signInAs(page, "Sam Rivera");
  const order = await db.order.findFirstOrThrow({ where: { worldId: "demo", code: "100108" }, select: { id: true } });
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("link", { name: "Replay its history step by step" }).click();
  await expect(page.getByRole("heading", { name: "Replay of order 100108", level: 1 })).toBeVisible();
  const steps = page.getByRole("navigation", { name: "Steps" }).getByRole("link");
  const total = await steps.count();
  // It opens on the last step: the order as it is now.
  await expect(page.getByRole("heading", { name: `Step ${total} of ${total}` })).toBeVisible();
  await expect(steps.last()).toHaveAttribute("aria-current", "step");
  await steps.nth(1).click();
  const step = page.getByRole("region", { name: "Step 2 of" + ` ${total}` });
  await expect(step).toContainText("Command: Pay");
  await expect(step.getByRole("definition").filter({ hasText: "Awaiting payment" })).toHaveCount(0);
  await expect(step).toContainText("On hold");
  await page.getByRole("link", { name: "← Previous step" }).click();
  await expect(page.getByRole("region", { name: `Step 1 of ${total}` })).toContainText("Awaiting payment");
  await expect(page.getByRole("region", { name: `Step 1 of ${total}` })).toContainText("Payment due");
});

test("each timeline entry links to the rules behind it, each landing on its rule in the reference", async ({ page, db }) => {
  await signInAs(page, "Diego Alvarez");
  const order = await db.order.findFirstOrThrow({ where: { worldId: "demo", code: "100101" }, select: { id: true } });
  await page.goto(`/orders/${order.id}`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  const asked = timeline.getByRole("listitem").filter({ hasText: "The buyer asked the seller to cancel" });
  await expect(asked.getByRole("link", { name: "REQ-6" })).toBeVisible();
  await asked.getByRole("link", { name: "REQ-6" }).click();
  await expect(page).toHaveURL(/\/rules#rule-REQ-6$/);
  await expect(page.locator("#rule-REQ-6")).toBeAttached();
  await expect(page.getByRole("listitem").filter({ has: page.locator("#rule-REQ-6") })).toContainText("One cancel request per order");
});
