/**
 * Times in the viewer's zone (issue 28): the same order seen from a browser in Taipei and one in Los
 * Angeles shows each its own local time, and a US business-day cut-off names its Los Angeles time.
 * The zone comes from the browser itself (no cookie set by the test): the page follows it.
 */
import { POLICIES, estimatedDeliveryAt } from "@/lib/order";
import { expect, signInAs, test } from "./support";

const HOUR = 3_600_000;
const zone = (page: import("@playwright/test").Page) => page.getByText(/^Times are shown in/);
const laCutoff = (at: Date) => new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(at);
const local = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(at);

test("the same order from Taipei and from Los Angeles: each sees its own local deadline, and the Los Angeles cut-off", async ({ browser, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-3", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "IN_TRANSIT", placedAt: new Date(Date.now() - 30 * HOUR) });
  const { paidAt, placedAt } = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { paidAt: true, placedAt: true } });
  const estimate = estimatedDeliveryAt({ paidAt }, POLICIES.US)!;

  const taipei = await (await browser.newContext({ timezoneId: "Asia/Taipei" })).newPage();
  await signInAs(taipei, "Ben Okafor");
  await taipei.goto(`/orders/${order.id}`);
  const taipeiStatus = taipei.getByRole("region", { name: "Order status" });
  await expect(taipeiStatus).toContainText(`Estimated delivery: by ${laCutoff(estimate)} in Los Angeles = ${local(estimate, "Asia/Taipei")}`);

  const losAngeles = await (await browser.newContext({ timezoneId: "America/Los_Angeles" })).newPage();
  await signInAs(losAngeles, "Ben Okafor");
  await losAngeles.goto(`/orders/${order.id}`);
  const laStatus = losAngeles.getByRole("region", { name: "Order status" });
  await expect(laStatus).toContainText(`Estimated delivery: by ${laCutoff(estimate)} Los Angeles time`);
  // An ordinary time is each viewer's own, with its zone named.
  const placed = (timeZone: string) => new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(placedAt);
  await expect(taipeiStatus).toContainText(`placed ${placed("Asia/Taipei")}`);
  await expect(laStatus).toContainText(`placed ${placed("America/Los_Angeles")}`);
});

test("a viewer picks a zone in the settings; it wins over the browser's until they follow the browser again", async ({ browser }) => {
  const page = await (await browser.newContext({ timezoneId: "America/Los_Angeles" })).newPage();
  await page.goto("/settings");
  await expect(zone(page)).toContainText(/Times are shown in Pacific Time/);
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("Asia/Taipei");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Saved. Times are now shown in the zone you chose.")).toBeVisible();
  await expect(zone(page)).toContainText(/Times are shown in (Taipei|Taiwan) Standard Time: .* You chose this zone/);
  await page.reload();
  await expect(zone(page)).toContainText(/Times are shown in (Taipei|Taiwan) Standard Time: .* You chose this zone/);
  await page.getByRole("combobox", { name: "Time zone" }).selectOption("");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Saved. Times follow your browser's zone again.")).toBeVisible();
  await page.reload();
  await expect(zone(page)).toContainText(/Times are shown in Pacific Time/);
});
