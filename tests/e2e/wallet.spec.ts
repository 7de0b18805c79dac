/**
 * The wallet (issue 29), as a buyer uses it: checkout shows its balance beside "Platform wallet"; a
 * wallet payment and its instant refund appear on the wallet page, each linked to the order; "Add
 * money" refuses what is not an amount next to the field, then adds once.
 */
import { expect, signInAs, test } from "./support";

const balanceOf = async (page: import("@playwright/test").Page) => {
  const text = await page.getByRole("region", { name: "Balance" }).getByText(/^\$[\d,]+\.\d\d$/).textContent();
  return Math.round(Number(text!.replace(/[$,]/g, "")) * 100);
};

test("a buyer pays from the wallet, is refunded to it at once, sees both lines with the order, and adds money", async ({ page }) => {
  await signInAs(page, "Chloe Martin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallet" }).click();
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  const before = await balanceOf(page);

  await page.goto("/checkout?shop=shop-kite&product=p-kite-2&quantity=1");
  // $12.99 + $5.99 shipping.
  await page.getByRole("radio", { name: /^Platform wallet \(\$[\d,]+\.\d\d\)$/ }).check();
  await page.getByRole("button", { name: "Place and pay $18.98" }).click();
  await expect(page.getByRole("heading", { name: /^Order \d+$/ })).toBeVisible();
  const code = (await page.getByRole("heading", { name: /^Order \d+$/ }).textContent())!.replace("Order ", "");
  await page.getByLabel("Reason for cancelling").selectOption({ label: "Bought by mistake" });
  await page.getByRole("button", { name: "Cancel order", exact: true }).click();
  await expect(page.getByRole("region", { name: "Refunds", exact: true })).toContainText(/platform wallet/i);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallet" }).click();
  expect(await balanceOf(page)).toBe(before);
  const history = page.getByRole("region", { name: "History" }).getByRole("listitem");
  await expect(history.nth(0)).toContainText("Refund");
  await expect(history.nth(0)).toContainText("+$18.98");
  await expect(history.nth(1)).toContainText("Payment");
  await expect(history.nth(1)).toContainText("-$18.98");
  await history.nth(1).getByRole("link", { name: `Order ${code} · Kite Street Gadgets` }).click();
  await expect(page.getByRole("heading", { name: `Order ${code}` })).toBeVisible();

  await page.goBack();
  const amount = page.getByLabel("Amount (USD)");
  await amount.fill("twelve");
  await page.getByRole("button", { name: "Add to wallet" }).click();
  await expect(page.getByText("Enter an amount such as 25 or 25.50.")).toBeVisible();
  await expect(amount).toBeFocused();
  expect(await balanceOf(page)).toBe(before);
  await amount.fill("25.50");
  await page.getByRole("button", { name: "Add to wallet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "$25.50 added." })).toBeVisible();
  await expect.poll(() => balanceOf(page)).toBe(before + 2550);
  await expect(history.nth(0)).toContainText("Added to your wallet");
});
