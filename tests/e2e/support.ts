import { test as base } from "@playwright/test";
import { buildOrder, type BuildOrderSpec } from "@/lib/server/demo/build-order";
import { createPrismaClient, type Db } from "@/lib/server/prisma";

/** The browser tests' own data: they create the orders they act on, in the database the server under test uses. */
export const test = base.extend<{ createOrder: (spec: Omit<BuildOrderSpec, "placedAt"> & { placedAt?: Date }) => Promise<{ id: string; code: string }> }, { db: Db }>({
  db: [
    async ({}, use) => {
      const db = createPrismaClient("file:./data/e2e.db");
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  createOrder: async ({ db }, use) => {
    // Placed five minutes ago (and paid two minutes after that), as a real order would be.
    await use((spec) => buildOrder(db, { placedAt: new Date(Date.now() - 5 * 60_000), ...spec }));
  },
});

export { expect } from "@playwright/test";

/** Signs in through the persona page, as a person would, and waits for the persona's home page. */
export async function signInAs(page: import("@playwright/test").Page, name: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await page.waitForURL(/\/(buyer|seller|support)\/orders/);
}
