import { expect, signInAs, test } from "./support";

test("support's agent figures: per agent and for the team, by window; a seller is sent back to their own home", async ({ page }) => {
  await signInAs(page, "Sam Rivera");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agent figures" }).click();
  await expect(page.getByRole("heading", { name: "Agent figures" })).toBeVisible();
  const table = page.getByRole("table", { name: "Decisions per agent, last 7 days" });
  for (const name of ["Sam Rivera", "Priya Shah", "The team"]) await expect(table.getByRole("rowheader", { name })).toBeVisible();
  await page.getByRole("link", { name: "Last 30 days" }).click();
  await expect(page.getByRole("table", { name: "Decisions per agent, last 30 days" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");

  await signInAs(page, "Maya Patel");
  await page.goto("/support/figures");
  await expect(page.getByRole("heading", { name: "Needs your action" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Agent figures" })).toHaveCount(0);
});

test("a case as a record: support prints it or exports it as JSON with both sides and the decision; a buyer gets neither", async ({ page, db }) => {
  const decided = await db.dispute.findFirstOrThrow({ where: { decisionOutcome: { not: null }, order: { worldId: "demo" } }, include: { order: true, statements: true } });
  await signInAs(page, "Sam Rivera");
  await page.goto(`/orders/${decided.orderId}`);
  await page.getByRole("link", { name: "Printable case record" }).first().click();
  await expect(page.getByRole("heading", { name: `Case record: order ${decided.order.code}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Decision" })).toContainText(decided.decisionRationale!);
  const response = await page.request.get(`/support/cases/${decided.id}/record.json`);
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const record = (await response.json()) as { dispute: { statements: { text: string }[]; decision: { rationale: string } } };
  expect(record.dispute.statements.map((s) => s.text)).toEqual(decided.statements.sort((a, b) => a.at.getTime() - b.at.getTime()).map((s) => s.text));
  expect(record.dispute.decision.rationale).toBe(decided.decisionRationale);

  await signInAs(page, "Ava Thompson");
  expect((await page.request.get(`/support/cases/${decided.id}/record.json`)).status()).toBe(403);
  await page.goto(`/support/cases/${decided.id}/print`);
  await expect(page.getByRole("heading", { name: "My orders" })).toBeVisible();
});
