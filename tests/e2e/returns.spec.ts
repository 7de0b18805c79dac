import { solidPng } from "@/lib/server/demo/png";
import { expect, signInAs, test } from "./support";

test("a buyer asks for a refund with a photo; the photo is hers and the shop's to see, not another buyer's", async ({ page, createOrder, db }) => {
  const order = await createOrder({
    buyerId: "buyer-chloe",
    shopId: "shop-maple",
    items: [{ productId: "p-maple-5", quantity: 1 }],
    shippingFeeMinor: 599,
    paymentMethod: "WALLET",
    status: "DELIVERED",
    placedAt: new Date(Date.now() - 5 * 24 * 3_600_000),
  });

  await signInAs(page, "Chloe Martin");
  await page.goto(`/orders/${order.id}`);
  // Before submitting she sees what she would get back.
  await expect(page.getByText(/Refund only \(keep the item\), if something is wrong \(.*Damaged item.*\): \$50\.99/)).toBeVisible();
  await page.getByRole("radio", { name: "A refund, and keep the item" }).check();
  await page.getByLabel("What is wrong?").selectOption({ label: "Damaged item" });
  await page.getByLabel("Describe the problem").fill("The board arrived split down the middle.");

  // A text file named like a photo is refused next to the field, and nothing is stored.
  await page.getByRole("region", { name: "What you can do" }).getByLabel("Photos").setInputFiles({ name: "split.png", mimeType: "image/png", buffer: Buffer.from("not really a picture") });
  await page.getByRole("button", { name: "Ask for a refund or a return" }).click();
  await expect(page.getByText("split.png is not a PNG, JPEG or WebP image.")).toBeVisible();
  expect(await db.returnCase.count({ where: { orderId: order.id } })).toBe(0);

  // What she typed is still there after the refusal; only the photo must be chosen again.
  await expect(page.getByLabel("What is wrong?")).toHaveValue("damaged");
  await page.getByRole("region", { name: "What you can do" }).getByLabel("Photos").setInputFiles({ name: "split.png", mimeType: "image/png", buffer: solidPng([150, 90, 40], 32) });
  await page.getByRole("button", { name: "Ask for a refund or a return" }).click();
  const request = page.getByRole("region", { name: "Refund or return" });
  await expect(request).toContainText("Waiting for the seller's review");
  await expect(request).toContainText("Damaged item");

  const photo = request.getByRole("link", { name: "Photo 1" });
  const href = await photo.getAttribute("href");
  const mine = await page.request.get(href!);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-type"]).toBe("image/png");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, "Ben Okafor");
  expect((await page.request.get(href!)).status()).toBe(404);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await signInAs(page, "Maya Patel");
  expect((await page.request.get(href!)).status()).toBe(200);
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("button", { name: "Approve the request" }).click();
  await expect(page.getByRole("region", { name: "Order status" }).getByText("Completed", { exact: true })).toBeVisible();
});
