/**
 * The seed article's three cases, played in 繁體中文 from the buyer's and the seller's side (issue
 * 28): the language chosen from the header's menu, the platform's own words on the buttons and
 * statuses, a refused form's error in Chinese, and the timeline in Chinese.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support";

const HOUR = 3_600_000;

/** Chooses 繁體中文 from the header's language menu, as a reader of the seed article would. */
async function chooseChinese(page: Page) {
  await page.getByText("English", { exact: true }).first().click();
  await page.getByRole("button", { name: "繁體中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
}

/** Signs in from the persona page in Chinese. */
async function signInInChinese(page: Page, name: string) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "你想扮演誰？" })).toBeVisible();
  await page.getByRole("button", { name: `以 ${name} 身分登入` }).click();
  await page.waitForURL(/\/(buyer\/orders|seller|support)/);
}

async function switchTo(page: Page, name: string, orderId: string) {
  await page.getByRole("button", { name: "登出" }).click();
  await signInInChinese(page, name);
  await page.goto(`/orders/${orderId}`);
}

const status = (page: Page) => page.getByRole("region", { name: "訂單狀態" });
const timeline = (page: Page) => page.getByRole("region", { name: "時間軸" });

test("case 1 in Chinese: within the first hour the buyer cancels at once (取消訂單) and is refunded; a missing reason is refused in Chinese", async ({ page, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD" });
  await page.goto("/");
  await chooseChinese(page);
  await signInInChinese(page, "Ava Thompson");
  await expect(page.getByRole("heading", { name: "我的訂單" })).toBeVisible();
  await page.getByRole("link", { name: `訂單 ${order.code}` }).click();
  await expect(page.getByRole("heading", { name: `訂單 ${order.code}` })).toBeVisible();

  await page.getByRole("button", { name: "取消訂單", exact: true }).click();
  await expect(page.getByText("請選擇取消原因。")).toBeVisible();
  await expect(page.getByLabel("取消原因")).toBeFocused();
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ON_HOLD");

  await page.getByLabel("取消原因").selectOption({ label: "找到更優惠的價格" });
  await page.getByRole("button", { name: "取消訂單", exact: true }).click();
  await expect(status(page).getByText("已取消", { exact: true })).toBeVisible();
  await expect(status(page)).toContainText("原因：找到更優惠的價格");
  await expect(page.getByRole("region", { name: "退款", exact: true })).toContainText("退款處理中");
  await expect(timeline(page)).toContainText("已由買家取消：找到更優惠的價格");
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CANCELLED");

  // The seller's side of the same order, in Chinese.
  await switchTo(page, "Maya Patel", order.id);
  await expect(status(page)).toContainText("由買家取消");
});

test("case 2 in Chinese: while the seller processes the order the buyer asks to cancel (申請取消訂單); the seller rejects with a reason — refused first without one", async ({ page, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-1", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "AWAITING_SHIPMENT", placedAt: new Date(Date.now() - 3 * HOUR) });
  await page.goto("/");
  await chooseChinese(page);
  await signInInChinese(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  await expect(status(page).getByText("待發貨", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "取消訂單", exact: true })).toHaveCount(0);
  await page.getByLabel("取消原因").selectOption({ label: "不想要了" });
  await page.getByRole("button", { name: "申請取消訂單" }).click();
  const request = page.getByRole("region", { name: "取消申請" });
  await expect(request).toContainText("等待賣家回覆");

  await switchTo(page, "Maya Patel", order.id);
  await page.getByRole("button", { name: "拒絕取消" }).click();
  await expect(page.getByText("請選擇拒絕原因。")).toBeVisible();
  await expect(page.getByLabel("拒絕原因")).toBeFocused();
  await page.getByLabel("拒絕原因").selectOption({ label: "已打包或已發貨，物流資訊即將更新" });
  await page.getByRole("button", { name: "拒絕取消" }).click();
  await expect(page.getByRole("region", { name: "取消申請" })).toContainText("賣家已拒絕");
  await expect(timeline(page)).toContainText("賣家拒絕了取消申請");
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { cancelRequest: true } })).cancelRequest?.status).toBe("REJECTED");

  // Back to the buyer: the rejection and what is left to do, in Chinese.
  await switchTo(page, "Ben Okafor", order.id);
  await expect(page.getByRole("region", { name: "取消申請" })).toContainText("賣家已拒絕");
});

test("case 3 in Chinese: once shipped (已發貨) the buyer cannot cancel but refuses the parcel (拒收); the seller confirms it came back and the refund starts", async ({ page, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-diego", shopId: "shop-maple", items: [{ productId: "p-maple-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "IN_TRANSIT", placedAt: new Date(Date.now() - 48 * HOUR) });
  await page.goto("/");
  await chooseChinese(page);
  await signInInChinese(page, "Diego Alvarez");
  await page.goto(`/orders/${order.id}`);
  await expect(status(page).getByText("已發貨", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "你可以做什麼" })).toContainText("已無法取消訂單：包裹已發貨。你可以拒收");
  await page.getByRole("button", { name: "拒收包裹" }).click();
  await expect(page.getByRole("region", { name: "退款或退貨" })).toContainText("拒收包裹正退回賣家");

  await switchTo(page, "Maya Patel", order.id);
  await page.getByRole("region", { name: "期限" }).getByRole("button", { name: "物流：拒收包裹立即退回" }).click();
  await expect(status(page).getByText("已取消", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "確認收到拒收包裹" }).click();
  await expect(page.getByRole("region", { name: "退款", exact: true })).toContainText("退款處理中");
  await expect(timeline(page)).toContainText("拒收");
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).cancelReasonKey).toBe("package_rejected");
});
