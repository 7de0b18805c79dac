import { expect, signInAs, test } from "./support";

test("platform support filters the list to the disputes waiting for a decision, and each row names what is open", async ({ page }) => {
  await signInAs(page, "Sam Rivera");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All orders" }).click();
  await page.getByLabel("Open request").selectOption({ label: "Dispute or appeal waiting for platform support" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/open=DISPUTE/);

  const table = page.getByRole("table", { name: "All orders" });
  const rows = table.getByRole("row").filter({ has: page.getByRole("link", { name: /^Order \d+$/ }) });
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i)).toContainText(/Dispute: (Open: waiting for platform support|Appealed by the seller)/);
    await expect(rows.nth(i)).toContainText("Support aims to decide by");
  }
  await expect(table).toContainText("Dispute: Appealed by the seller: waiting for another agent");
  // The filter is kept in the form, so the next change starts from it.
  await expect(page.getByLabel("Open request")).toHaveValue("DISPUTE");
});
