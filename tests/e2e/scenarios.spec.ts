/**
 * Guided scenarios (issue 30), played as people play them: from the demo world a newcomer starts the
 * seed article's case 2 (a private practice world is made for them), plays it to the end through the
 * checklist's persona switches, and every step ticks itself; a trainer starts a scenario for the whole
 * room and watches two members' progress move in the training room while they play, without reloading.
 * Nothing here waits for a server timer: case 2's only deadline is a day away.
 */
import type { Page } from "@playwright/test";
import { createPrivateWorld, expect, joinByLink, noSidewaysScroll, test } from "./support";

const CASE_2 = "Ask to cancel; the seller has already packed it";

/** The scenario's checklist beside the order. */
const checklist = (page: Page) => page.getByRole("region", { name: CASE_2 });
const step = (page: Page, n: number) => checklist(page).getByRole("listitem").filter({ hasText: `Step ${n}:` });

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
]) {
  test(`at ${viewport.width} px: a newcomer starts case 2 from the demo world, gets a practice world, and plays it to the end through the checklist's persona switches`, async ({ browser, db }) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    const demoOrders = await db.order.count({ where: { worldId: "demo" } });
    await page.goto("/");
    await page.getByRole("link", { name: "Play a guided scenario" }).click();
    await expect(page.getByRole("heading", { name: "Scenarios", level: 1 })).toBeVisible();
    await expect(page.getByText(/You are in the demo world, whose clock nobody can move/)).toBeVisible();
    await expect(page.getByRole("heading", { name: /The article's case 2/ })).toBeVisible();
    await noSidewaysScroll(page);

    await page.getByRole("button", { name: `Start in a practice world — ${CASE_2}` }).click();
    await page.waitForURL(/\/orders\/[A-Za-z0-9_-]+/, { timeout: 30_000 });
    await expect(page.getByRole("region", { name: "Simulator clock" })).toContainText("World: Practice world");
    await expect(step(page, 1)).toContainText("Your turn");
    await expect(step(page, 1)).toContainText("— next");
    await expect(step(page, 1)).toHaveAttribute("aria-current", "step");
    await expect(step(page, 1).getByRole("link", { name: "Rule WINDOW-3" })).toHaveAttribute("href", "/rules#rule-WINDOW-3");
    await expect(step(page, 2)).toContainText("— waiting");
    await noSidewaysScroll(page);
    const orderPath = new URL(page.url()).pathname;
    // The demo world's orders are as they were; the new order is the practice world's.
    expect(await db.order.count({ where: { worldId: "demo" } })).toBe(demoOrders);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderPath.split("/")[2]! } });
    expect(order.worldId).not.toBe("demo");

    // 1. As the buyer: ask to cancel.
    await page.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
    await page.getByRole("button", { name: "Ask the seller to cancel" }).click();
    await expect(step(page, 1)).toContainText("— done");
    await expect(step(page, 2)).toContainText("— next");

    // 2. The checklist offers the switch to the seller, on the same order.
    await step(page, 2).getByRole("button", { name: "Switch to Maya Patel" }).click();
    await page.waitForURL((url) => url.pathname === orderPath);
    await expect(step(page, 2)).toContainText("Your turn");
    await page.getByLabel("Reason for rejecting").selectOption({ label: "Already packed or shipped; tracking will update soon" });
    await page.getByRole("button", { name: "Reject the cancellation" }).click();
    await expect(step(page, 2)).toContainText("— done");
    await expect(checklist(page).getByRole("status").filter({ hasText: "Scenario complete" })).toBeVisible();
    await noSidewaysScroll(page);

    // The scenarios page now lists the run as complete, and Restart makes a fresh order.
    await page.goto("/scenarios");
    await expect(page.getByRole("list", { name: "Your runs" })).toContainText("2 of 2 steps — complete");
    await page.goto(orderPath);
    await checklist(page).getByRole("button", { name: "Restart with a new order" }).click();
    await page.waitForURL((url) => url.pathname !== orderPath && url.pathname.startsWith("/orders/"), { timeout: 30_000 });
    await expect(step(page, 1)).toContainText("— next");
    expect(await db.order.count({ where: { worldId: order.worldId } })).toBe(2);
  });
}

test("a trainer starts case 2 for everyone and watches two members' progress move in the training room while they play", async ({ page, browser }) => {
  const { link } = await createPrivateWorld(page, "Scenario room", "Tess");
  const alice = await joinByLink(browser, link, "Alice");
  const bob = await joinByLink(browser, link, "Bob");
  await page.reload();
  const room = page.getByRole("region", { name: "Training room" });
  const row = (name: string) => room.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row("Alice")).toContainText("not signed in");

  await room.getByRole("combobox", { name: "Scenario" }).first().selectOption({ label: CASE_2 });
  await room.getByRole("button", { name: "Start for everyone" }).click();
  await expect(room.getByRole("status")).toContainText("Started for 3 members.");
  await expect(row("Alice")).toContainText(CASE_2);
  await expect(row("Alice")).toContainText("0 of 2");
  await expect(row("Bob")).toContainText("0 of 2");

  // Each member finds their own run on the scenarios page and continues as its buyer.
  for (const member of [alice, bob]) {
    await member.goto("/scenarios");
    await member.getByRole("button", { name: `Continue as Ben Okafor — ${CASE_2}` }).click();
    await member.waitForURL(/\/orders\//);
    await member.getByLabel("Reason for cancelling").selectOption({ label: "No longer needed" });
    await member.getByRole("button", { name: "Ask the seller to cancel" }).click();
    await expect(step(member, 1)).toContainText("— done");
  }
  // The trainer's page was not reloaded: the room updates by itself.
  await expect(row("Alice")).toContainText("1 of 2");
  await expect(row("Alice")).toContainText("Ben Okafor (Buyer)");
  await expect(row("Bob")).toContainText("1 of 2");

  // Bob switches to the seller and rejects: his row says so; Alice's stays where she is.
  await step(bob, 2).getByRole("button", { name: "Switch to Maya Patel" }).click();
  await bob.getByLabel("Reason for rejecting").selectOption({ label: "Already packed or shipped; tracking will update soon" });
  await bob.getByRole("button", { name: "Reject the cancellation" }).click();
  await expect(step(bob, 2)).toContainText("— done");
  await expect(row("Bob")).toContainText("Maya Patel (Seller)");
  await expect(row("Bob")).toContainText("2 of 2 — complete");
  await expect(row("Alice")).toContainText("next: step 2");

  // The summary downloads as CSV: Bob finished, Alice is on step 2.
  const download = page.waitForEvent("download");
  await room.getByRole("combobox", { name: "Scenario" }).last().selectOption({ label: CASE_2 });
  await room.getByRole("button", { name: "Download the summary (CSV)" }).click();
  const csv = await (await (await download).createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text).toMatch(/"Bob","[^"]+","yes","2",""/);
  expect(text).toMatch(/"Alice","[^"]+","no","1","2\. Switch to the seller and reject/);
});

test("a step the platform's clock plays: the checklist jumps the practice world's clock to its deadline, and the platform approves the silent seller's request", async ({ page }) => {
  const scenario = "Ask to cancel; the seller never answers";
  await page.goto("/scenarios");
  await page.getByRole("button", { name: `Start in a practice world — ${scenario}` }).click();
  await page.waitForURL(/\/orders\//, { timeout: 30_000 });
  const list = page.getByRole("region", { name: scenario });
  await page.getByLabel("Reason for cancelling").selectOption({ label: "Found a better price" });
  await page.getByRole("button", { name: "Ask the seller to cancel" }).click();
  const second = list.getByRole("listitem").filter({ hasText: "Step 2:" });
  await expect(second).toContainText("Played by the platform's clock");
  await second.getByRole("button", { name: "Jump the clock to this step" }).click();
  await expect(second).toContainText("— done");
  await expect(list.getByRole("status").filter({ hasText: "Scenario complete" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText(/approved/i);
});
