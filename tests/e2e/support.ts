import { expect, test as base } from "@playwright/test";
import { buildOrder, type BuildOrderSpec } from "@/lib/server/demo/build-order";
import { createPrismaClient, type Db } from "@/lib/server/prisma";
import { worldScopedId } from "@/lib/worlds";
import { appTime } from "@/lib/server/timers/sim-clock";

/** The browser tests' own data: they create the orders they act on, in the database the server under test uses. */
type OrderSpec = Omit<BuildOrderSpec, "placedAt"> & { placedAt?: Date; /** A private world's id: the seed's ids are that world's (`<world>_<id>`). */ world?: string };

export const test = base.extend<{ createOrder: (spec: OrderSpec) => Promise<{ id: string; code: string }> }, { db: Db }>({
  db: [
    async ({}, use) => {
      const db = createPrismaClient("file:./data/e2e.db");
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  createOrder: async ({ db }, use) => {
    // Placed five minutes ago on the app's clock (which other tests may have moved ahead), and paid two minutes after.
    await use(async ({ world, ...spec }) => {
      const now = await appTime(db, undefined, world);
      const own = (id: string) => (world ? worldScopedId(world, id) : id);
      const built = await buildOrder(db, {
        ...spec,
        buyerId: own(spec.buyerId),
        shopId: own(spec.shopId),
        items: spec.items.map((item) => ({ ...item, productId: own(item.productId) })),
        placedAt: new Date(now.getTime() - (spec.placedAt ? Date.now() - spec.placedAt.getTime() : 5 * 60_000)),
      });
      // Its history must be over by now: nobody can act on an order "before" its last change.
      const { updatedAt } = await db.order.findUniqueOrThrow({ where: { id: built.id }, select: { updatedAt: true } });
      if (updatedAt > now) throw new Error(`createOrder: a ${spec.status} order placed then is still changing until ${updatedAt.toISOString()}; place it further back.`);
      return built;
    });
  },
});

export { expect };

/** Signs in through the persona page, as a person would, and waits for the persona's home page. */
export async function signInAs(page: import("@playwright/test").Page, name: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await page.waitForURL(/\/(buyer\/orders|seller|support)/);
}

/**
 * Creates a private world from the persona page, as a facilitator would; this browser is its owner.
 * Returns its id and the share link others join by.
 */
export async function createPrivateWorld(page: import("@playwright/test").Page, name: string, ownerName = "Facilitator"): Promise<{ worldId: string; link: string }> {
  await page.goto("/");
  const form = page.getByRole("region", { name: "Private worlds" });
  await form.getByLabel("World name").fill(name);
  await form.getByLabel("Your name").fill(ownerName);
  await form.getByRole("button", { name: "Create a private world" }).click();
  await page.waitForURL(/\/worlds\/w[0-9a-f]+/, { timeout: 30_000 });
  const worldId = new URL(page.url()).pathname.split("/")[2]!;
  const link = await page.getByRole("textbox", { name: /Anyone with this link can join/ }).inputValue();
  return { worldId, link };
}

/** A second person, in a browser of their own, joins a world by its link. */
export async function joinByLink(browser: import("@playwright/test").Browser, link: string, name: string): Promise<import("@playwright/test").Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: /^Join / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You joined the world" })).toBeVisible();
  return page;
}

/** The signed-in buyer asks the seller to cancel from the order page, and the request is waiting. */
export async function askToCancel(page: import("@playwright/test").Page, orderId: string, reason: string): Promise<void> {
  await page.goto(`/orders/${orderId}`);
  await page.getByLabel("Reason for cancelling").selectOption({ label: reason });
  await page.getByRole("button", { name: "Ask the seller to cancel" }).click();
  await expect(page.getByRole("region", { name: "Cancel request" })).toContainText("Waiting for the seller");
}

/** The page fits the screen: nothing scrolls sideways (asserted, not eyeballed). */
export async function noSidewaysScroll(page: import("@playwright/test").Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${page.url()} scrolls sideways`).toBe(true);
}
