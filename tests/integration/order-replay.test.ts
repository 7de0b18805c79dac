/**
 * Replay (issue 30): an order's history decided again step by step, as the page shows it. The steps
 * are the order's events, the last one is the order as stored, money and deadlines follow each step,
 * and only someone who may see the order may replay it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { orderReplay } from "@/lib/server/orders/order-replay";
import { inEnglish } from "../support/order-state";

const person = (id: string, role: SessionUser["role"], shopId: string | null = null): SessionUser => ({ id, worldId: "demo", role, name: id, shopId, shopName: null });
const sam = person("support-sam", "SUPPORT");
const emma = person("buyer-emma", "BUYER");
const ben = person("buyer-ben", "BUYER");
let orderId = "";

beforeAll(async () => {
  await seedDemoWorld(db, new Date());
  orderId = (await db.order.findFirstOrThrow({ where: { worldId: "demo", code: "100108" }, select: { id: true } })).id;
}, 120_000);

describe("replaying an order's history", () => {
  it("has one step per event, from the placement to the order as it is stored, with money and deadlines after each", async () => {
    const replay = (await orderReplay(sam, orderId))!;
    const events = await db.orderEvent.count({ where: { orderId } });
    const stored = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, totalMinor: true } });
    expect(replay.brokenAt).toBeNull();
    expect(replay.steps).toHaveLength(events);
    const steps = inEnglish(replay.steps) as { summary: string; command: string | null; facts: { label: string; value: string }[]; paidMinor: number; escrowMinor: number; deadlines: { label: string }[] }[];
    expect(steps[0]).toMatchObject({ command: null, paidMinor: 0, escrowMinor: 0, facts: [{ label: "Order", value: "Awaiting payment" }] });
    expect(steps[0]!.summary).toMatch(/^Order placed/);
    expect(steps[0]!.deadlines.map((d) => d.label)).toEqual(["Payment due"]);
    // Paid: the money is in escrow.
    expect(steps[1]).toMatchObject({ command: "Pay", paidMinor: stored.totalMinor, escrowMinor: stored.totalMinor });
    // The last step is the order as it is now: delivered, its request rejected, before platform support.
    const last = steps.at(-1)!;
    expect(last.facts).toEqual([
      { label: "Order", value: "Delivered" },
      { label: "Refund or return", value: "With platform support for a decision" },
      { label: "Dispute (The rejected refund or return)", value: "Open: waiting for platform support" },
    ]);
    expect(stored.status).toBe("DELIVERED");
  });

  it("is the order's buyer's and support's to see, not another buyer's", async () => {
    expect(await orderReplay(emma, orderId)).not.toBeNull();
    expect(await orderReplay(ben, orderId)).toBeNull();
    expect(await orderReplay(person("seller-maya", "SELLER", "shop-maple"), orderId)).toBeNull();
  });
});
