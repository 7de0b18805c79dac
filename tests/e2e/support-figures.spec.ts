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
