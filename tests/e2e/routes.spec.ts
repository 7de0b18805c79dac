/**
 * Issue 26: every dynamic route of `app/` opens with the ids of a copied private world, and every link
 * the world's people are shown leads somewhere. The routes are read from the `app/` folder, so a new
 * route is walked without editing this test; what a parameter names is told by the folder before it
 * (`orders/[id]` is an order, `cases/[disputeId]` a dispute), and a folder this test does not know
 * fails with a sentence saying so.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Page } from "@playwright/test";
import { PLATFORM_API_PATH } from "@/lib/api/paths";
import type { Db } from "@/lib/server/prisma";
import { createPrivateWorld, expect, signInAs, test } from "./support";

const APP = join(process.cwd(), "app");

/** Every route of app/ that a GET reaches (a page or a route handler), as its path pattern ("/orders/[id]"). */
function routes(dir = APP): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // Private folders (`_sections`) and route groups are not segments of their own.
      if (!name.startsWith("_")) found.push(...routes(path));
    } else if (/^(page|route)\.tsx?$/.test(name)) {
      found.push(`/${relative(APP, dir).split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/")}`.replace(/\/$/, "") || "/");
    }
  }
  return found.sort();
}

interface Ids {
  worldId: string;
  token: string;
  /** An order of the world with a dispute whose statements carry photos (the demo's 100108). */
  orderId: string;
  disputeId: string;
  evidenceId: string;
  /** The order's shop, and one of its products (the storefront). */
  shopId: string;
  productId: string;
}

/** What each dynamic parameter stands for, by the folder before it. */
const PARAMETERS: Record<string, (ids: Ids) => string> = {
  orders: (ids) => ids.orderId,
  cases: (ids) => ids.disputeId,
  evidence: (ids) => ids.evidenceId,
  worlds: (ids) => ids.worldId,
  join: (ids) => ids.token,
  shop: (ids) => ids.shopId,
  products: (ids) => ids.productId,
};

function fill(pattern: string, ids: Ids): string {
  const segments = pattern.split("/");
  return segments
    .map((segment, i) => {
      if (!segment.startsWith("[")) return segment;
      const kind = PARAMETERS[segments[i - 1]!];
      if (!kind) throw new Error(`${pattern}: this test does not know what "${segments[i - 1]}/${segment}" names; add it to PARAMETERS.`);
      return kind(ids);
    })
    .join("/");
}

async function copiedIds(db: Db, worldId: string): Promise<Ids> {
  const world = await db.world.findUniqueOrThrow({ where: { id: worldId } });
  const order = await db.order.findFirstOrThrow({ where: { worldId, code: "100108" }, select: { id: true, shopId: true } });
  const product = await db.product.findFirstOrThrow({ where: { shopId: order.shopId }, select: { id: true } });
  const dispute = await db.dispute.findFirstOrThrow({ where: { orderId: order.id }, select: { id: true } });
  const evidence = await db.evidence.findFirstOrThrow({ where: { orderId: order.id, disputeId: dispute.id }, select: { id: true } });
  return { worldId, token: world.joinToken!, orderId: order.id, disputeId: dispute.id, evidenceId: evidence.id, shopId: order.shopId, productId: product.id };
}

/** A GET as the signed-in person of this page's browser: the status, and where it ended after redirects. */
async function get(page: Page, url: string): Promise<{ status: number; body: string; finalUrl: string }> {
  const response = await page.request.get(url);
  const type = response.headers()["content-type"] ?? "";
  return { status: response.status(), body: type.includes("html") ? await response.text() : "", finalUrl: response.url() };
}

test("every dynamic route of app/ opens with a copied world's ids, for the people who may see it", async ({ page, db }) => {
  // The platform's API answers signed calls from programs, not people (tests/integration/platform-api.test.ts).
  const patterns = routes().filter((pattern) => pattern.includes("[") && !PLATFORM_API_PATH.test(`${pattern}/`));
  // The walk must have something to walk: the order page, the case (with print and record.json), photos, worlds, joining.
  expect(patterns).toEqual(expect.arrayContaining(["/orders/[id]", "/support/cases/[disputeId]", "/support/cases/[disputeId]/print", "/support/cases/[disputeId]/record.json", "/evidence/[id]", "/worlds/[id]", "/join/[token]"]));
  const { worldId } = await createPrivateWorld(page, "Route walk");
  const ids = await copiedIds(db, worldId);
  for (const id of Object.values(ids)) expect(encodeURIComponent(id), "a copied id needs no encoding").toBe(id);

  // Support may open everything but the order parties' own pages; then the order's buyer and seller, on what is theirs.
  const people: [string, (pattern: string) => boolean][] = [
    ["Sam Rivera", () => true],
    ["Emma Schulz", (pattern) => !pattern.startsWith("/support/")],
    ["Rosa Lindqvist", (pattern) => !pattern.startsWith("/support/")],
  ];
  const walked: string[] = [];
  for (const [name, mayOpen] of people) {
    await signInAs(page, name);
    for (const pattern of patterns.filter(mayOpen)) {
      const url = fill(pattern, ids);
      const { status } = await get(page, url);
      expect(status, `${name} opens ${url} (${pattern})`).toBe(200);
      walked.push(`${name} ${pattern}`);
    }
  }
  // The order's buyer is refused support's record of the case.
  await signInAs(page, "Emma Schulz");
  expect([403, 404]).toContain((await get(page, fill("/support/cases/[disputeId]/record.json", ids))).status);
  expect(walked.length).toBeGreaterThanOrEqual(patterns.length);
});

test("the product build has exactly the routes of app/: the benchmark's bare page is not one of them", async ({ page }) => {
  // The server under test runs this build (scripts/e2e-server.sh): its manifest of app routes.
  const built = Object.keys(JSON.parse(readFileSync(join(process.cwd(), ".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>);
  expect(built.some((route) => route.startsWith("/bench"))).toBe(false);
  expect(built).toEqual(expect.arrayContaining(["/orders/[id]/page", "/support/cases/[disputeId]/record.json/route"]));
  expect((await page.request.get("/bench/bare")).status()).toBe(404);
});

test("every link a private world's buyer, seller and support are shown leads to a page (a crawl from each home)", async ({ page }) => {
  test.setTimeout(120_000);
  await createPrivateWorld(page, "Link crawl");
  const origin = new URL(page.url()).origin;
  for (const name of ["Ava Thompson", "Maya Patel", "Sam Rivera"]) {
    await signInAs(page, name);
    const start = new URL(page.url()).pathname;
    const seen = new Set<string>([start]);
    const queue = [start];
    let opened = 0;
    // Breadth first, at most 120 pages a person: the homes, queues, lists, CSVs, figures and the orders they lead to.
    while (queue.length && opened < 120) {
      const url = queue.shift()!;
      const { status, body } = await get(page, url);
      opened++;
      expect(status, `${name}: ${url}`).toBeLessThan(400);
      for (const [, raw] of body.matchAll(/href="([^"#]*)"/g)) {
        const href = raw!.replace(/&amp;/g, "&");
        if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/_next/")) continue;
        const path = new URL(href, origin);
        const key = path.pathname + path.search;
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(key);
        }
      }
    }
    expect(opened, `${name} was shown links to follow`).toBeGreaterThan(10);
  }
});
