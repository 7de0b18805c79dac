/**
 * Issue 26: the stories a private world is copied with must be playable — not orders a fixture
 * builds. A facilitator creates a world from the persona page; for every kind of story the demo world
 * has (docs/guide-facilitator.md, "The demo world"), the order is opened as its buyer, its seller and platform support, and the
 * person the story waits on performs a command the page offers. Every id on the way is a copied one.
 */
import type { Page } from "@playwright/test";
import { createPrivateWorld, expect, signInAs, test } from "./support";

type Who = "buyer" | "seller" | "support";

interface Story {
  code: string;
  what: string;
  buyer: string;
  seller: string;
  /** Sam decides first decisions; Priya decides appeals of Sam's. */
  support?: string;
  /** Who acts, and how, on the order page they are looking at. */
  acts: Who;
  /** The page's control acts for the carrier or the payment network (the event is the platform's). */
  system?: true;
  play: (page: Page) => Promise<void>;
}

/** The form whose submit button is `name` (each command is a form of its own). */
const form = (page: Page, name: string) => page.locator("form").filter({ has: page.getByRole("button", { name, exact: true }) });
const press = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

const STORIES: Story[] = [
  { code: "100101", what: "a cancel request with hours left", buyer: "Diego Alvarez", seller: "Maya Patel", acts: "seller", play: (p) => press(p, "Approve the cancellation") },
  {
    code: "100102",
    what: "a rejected cancel request (US rules)",
    buyer: "Emma Schulz",
    seller: "Rosa Lindqvist",
    acts: "buyer",
    play: async (p) => {
      await form(p, "Ask platform support to decide").getByLabel("Your statement").fill("I asked within hours of buying; please cancel it.");
      await press(p, "Ask platform support to decide");
    },
  },
  {
    code: "100103",
    what: "a rejected cancel request (global rules)",
    buyer: "Farah Haddad",
    seller: "Kenji Mori",
    acts: "support",
    play: async (p) => {
      await form(p, "Cancel for fraud or risk").getByLabel("Reason (operator)").selectOption({ index: 1 });
      await press(p, "Cancel for fraud or risk");
    },
  },
  {
    code: "100104",
    what: "a refused parcel on its way back",
    buyer: "Ben Okafor",
    seller: "Maya Patel",
    acts: "seller",
    play: async (p) => {
      await press(p, "Carrier: refused parcel arrives now");
      await press(p, "Confirm receipt of the refused parcel");
    },
  },
  {
    code: "100105",
    what: "a return waiting for the buyer's parcel",
    buyer: "Ben Okafor",
    seller: "Rosa Lindqvist",
    acts: "buyer",
    play: async (p) => {
      await form(p, "I've shipped the return").getByRole("radio").first().check();
      await press(p, "I've shipped the return");
    },
  },
  { code: "100106", what: "a returned parcel waiting for inspection", buyer: "Diego Alvarez", seller: "Maya Patel", acts: "seller", play: (p) => press(p, "Accept the returned item") },
  { code: "100107", what: "a partial refund offer", buyer: "Chloe Martin", seller: "Kenji Mori", acts: "buyer", play: (p) => press(p, "Accept the offer") },
  { code: "100108", what: "a dispute with photos from both sides", buyer: "Emma Schulz", seller: "Rosa Lindqvist", acts: "support", play: (p) => press(p, "Take this case") },
  { code: "100109", what: "an appealed decision", buyer: "Ben Okafor", seller: "Rosa Lindqvist", support: "Priya Shah", acts: "support", play: (p) => press(p, "Take this case") },
  {
    code: "100110",
    what: "a delayed refund, overdue once the clock moves",
    buyer: "Diego Alvarez",
    seller: "Omar Nasser",
    acts: "buyer",
    play: async (p) => {
      await p.getByRole("region", { name: "Deadlines" }).getByRole("button", { name: "Jump the clock here" }).first().click();
      await form(p, "Ask platform support to decide").getByLabel("Your statement").fill("My refund is overdue.");
      await press(p, "Ask platform support to decide");
    },
  },
  { code: "100111", what: "an overdue refund before support", buyer: "Ava Thompson", seller: "Maya Patel", acts: "support", play: (p) => press(p, "Take this case") },
  { code: "100112", what: "a parcel the carrier lost", buyer: "Chloe Martin", seller: "Maya Patel", acts: "seller", system: true, play: (p) => press(p, "Carrier: still no scan now") },
  {
    code: "100113",
    what: "a parcel delayed past its estimated delivery date",
    buyer: "Farah Haddad",
    seller: "Omar Nasser",
    acts: "buyer",
    play: async (p) => {
      const request = form(p, "Ask for a refund or a return");
      await request.getByLabel("What is wrong?").selectOption({ label: "Won't arrive on time" });
      await request.getByLabel("Describe the problem").fill("It was due a week ago.");
      await press(p, "Ask for a refund or a return");
    },
  },
  { code: "100114", what: "a Buyer Protection claim on a completed order", buyer: "Emma Schulz", seller: "Rosa Lindqvist", acts: "seller", play: (p) => press(p, "Approve the request") },
];

/** Signs in as `name` and opens the order: it opens (200), and the page is that order's. */
async function open(page: Page, name: string, orderId: string, code: string): Promise<void> {
  await signInAs(page, name);
  const response = await page.goto(`/orders/${orderId}`);
  expect(response?.status(), `${name} opens order ${code}`).toBe(200);
  await expect(page.getByRole("heading", { name: `Order ${code}` })).toBeVisible();
}

// Three rooms, so that each test stays within its budget; each story is played in a world of its room's own.
const ROOMS = [STORIES.slice(0, 5), STORIES.slice(5, 10), STORIES.slice(10)];

for (const [index, stories] of ROOMS.entries()) {
  test(`in a fresh private world, every copied story opens for its buyer, seller and support, and the one it waits on acts (room ${index + 1}: ${stories.map((s) => s.code).join(", ")})`, async ({ page, db }) => {
    const { worldId } = await createPrivateWorld(page, `Stories ${index + 1}`);
    for (const story of stories) {
      const order = await db.order.findFirstOrThrow({ where: { worldId, code: story.code }, select: { id: true } });
      // A copied id is the same in the database and in a link: nothing to encode.
      expect(encodeURIComponent(order.id)).toBe(order.id);
      const names: Record<Who, string> = { buyer: story.buyer, seller: story.seller, support: story.support ?? "Sam Rivera" };
      for (const who of (["buyer", "seller", "support"] as const).filter((w) => w !== story.acts)) await open(page, names[who], order.id, story.code);

      const before = await db.orderEvent.count({ where: { orderId: order.id } });
      await open(page, names[story.acts], order.id, story.code);
      await story.play(page);
      await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
      const actor = story.system ? "SYSTEM" : story.acts.toUpperCase();
      // The command landed: a new event on the order's timeline, by the person who acted.
      await expect
        .poll(async () => (await db.orderEvent.findMany({ where: { orderId: order.id }, select: { actorRole: true }, orderBy: [{ seq: "asc" }, { at: "asc" }] })).slice(before).map((e) => e.actorRole), { message: `${story.what}: ${story.acts} acted` })
        .toContain(actor);
    }
  });
}
