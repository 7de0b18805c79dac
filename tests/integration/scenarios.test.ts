/**
 * Guided scenarios (issue 30): every file in lib/scenarios/catalogue is read and checked, and each is
 * played through the services — its order built as the seed builds orders, each step's command given
 * by its role (a timer's at its deadline) — until its checklist is complete. One test per file,
 * generated from the files, so a new scenario is tested by being added. A file naming a command,
 * status or rule the engine does not know is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEADLINE_COMMANDS, parseDeadlineKey, type Command } from "@/lib/order";
import { checklist, parseScenario, scenarioPersona } from "@/lib/scenarios/scenarios";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { buildOrder } from "@/lib/server/demo/build-order";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { SYSTEM_ACTOR, runOrderCommand } from "@/lib/server/orders/run-order-command";
import { readCatalogue } from "@/lib/server/scenarios/catalogue";
import { inEnglish } from "../support/order-state";

const catalogue = readCatalogue();

/** Commands a person sends from the simulator's controls rather than a timer. */
const SIMULATOR_CONTROLS = new Set(["LOSE_PARCEL", "DELAY_PARCEL", "DELAY_REFUND"]);

/** What a form would know and a file cannot: the order's dispute and refund. */
async function references(orderId: string, type: string): Promise<Record<string, string>> {
  const refs: Record<string, string> = {};
  if (/DISPUTE|APPEAL/.test(type)) {
    const dispute = await db.dispute.findFirst({ where: { orderId }, orderBy: { openedAt: "desc" }, select: { id: true } });
    if (dispute) refs.disputeId = dispute.id;
  }
  if (type === "DELAY_REFUND" || type === "ESCALATE") {
    const refund = await db.refund.findFirst({ where: { orderId }, orderBy: { createdAt: "desc" }, select: { idempotencyKey: true, status: true } });
    if (refund && (type === "DELAY_REFUND" || refund.status === "OVERDUE")) refs.refundKey = refund.idempotencyKey;
  }
  return refs;
}
const now = new Date();

beforeAll(async () => {
  await seedDemoWorld(db, now, { orders: false });
}, 60_000);

describe("the scenario files", () => {
  it("there are scenarios, each with its own id, starting with the seed article's cases in order", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(3);
    const cases = catalogue.flatMap((scenario) => (scenario.seedCase ? [scenario.seedCase] : []));
    expect(new Set(cases)).toEqual(new Set([1, 2, 3]));
    expect(cases).toEqual([...cases].sort((a, b) => a - b));
  });

  it("a file naming a command, a status or a rule the engine does not know is refused, saying where", () => {
    const good = structuredClone(catalogue[0]!) as Record<string, unknown> & { order: Record<string, unknown>; steps: Record<string, unknown>[] };
    expect(parseScenario(good).ok).toBe(true);
    expect(parseScenario({ ...good, steps: [{ ...good.steps[0], command: "TELEPORT" }] })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^steps\.0\.command/)] });
    expect(parseScenario({ ...good, order: { ...good.order, status: "LOST_IN_SPACE" } })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^order\.status/)] });
    expect(parseScenario({ ...good, steps: [{ ...good.steps[0], rule: "NO-1" }] })).toMatchObject({ ok: false, problems: ["steps.0.rule: unknown rule"] });
  });
});

describe("each scenario, played through the services, completes its checklist", () => {
  for (const scenario of catalogue) {
    it(`${scenario.id}: ${scenario.title.en}`, async () => {
      const placedAt = new Date(now.getTime() - scenario.order.placedMinutesAgo * 60_000);
      const order = await buildOrder(db, {
        buyerId: scenario.order.buyer,
        shopId: scenario.order.shop,
        items: scenario.order.items.map(([productId, quantity]) => ({ productId, quantity })),
        shippingFeeMinor: 599,
        paymentMethod: scenario.order.paymentMethod,
        status: scenario.order.status,
        placedAt,
      });
      const seller = await db.user.findFirstOrThrow({ where: { shopId: scenario.order.shop, role: "SELLER" } });
      const personOf = async (step: (typeof scenario.steps)[number]): Promise<SessionUser> => {
        const seedId = scenarioPersona(scenario, step);
        const user = await db.user.findUniqueOrThrow({ where: { id: seedId === "SHOP_SELLER" ? seller.id : seedId! } });
        return { id: user.id, worldId: "demo", role: user.role as SessionUser["role"], name: user.name, shopId: user.shopId, shopName: null };
      };
      const done = async () => (await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { seq: "asc" }, select: { data: true } })).map((event) => (JSON.parse(event.data) as { command?: Command }).command?.type ?? "");
      expect(checklist(scenario, await done()).next).toBe(0);
      let at = now;
      for (const [i, step] of scenario.steps.entries()) {
        const command = { type: step.command, ...step.example, ...(await references(order.id, step.command)) } as Command;
        if (step.who === "SYSTEM" && SIMULATOR_CONTROLS.has(step.command)) {
          // A developer control of the order page (the carrier loses the parcel, the network delays a refund): now.
          const result = await runOrderCommand(db, SYSTEM_ACTOR, { orderId: order.id, command }, at);
          expect(inEnglish(result), `step ${i + 1}`).toMatchObject({ ok: true });
        } else if (step.who === "SYSTEM") {
          // A timer's command: at the moment its deadline falls due.
          const deadlines = await db.deadline.findMany({ where: { orderId: order.id, resolvedAt: null }, orderBy: { dueAt: "asc" } });
          const due = deadlines.find((deadline) => {
            const parsed = parseDeadlineKey(deadline.kind);
            return parsed && DEADLINE_COMMANDS[parsed.kind](parsed.ref).type === step.command;
          });
          expect(due, `step ${i + 1}: a deadline sends ${step.command}`).toBeDefined();
          at = new Date(Math.max(at.getTime(), due!.dueAt.getTime()));
          const result = await runOrderCommand(db, SYSTEM_ACTOR, { orderId: order.id, command: DEADLINE_COMMANDS[parseDeadlineKey(due!.kind)!.kind](parseDeadlineKey(due!.kind)!.ref) }, at);
          expect(inEnglish(result), `step ${i + 1}`).toMatchObject({ ok: true });
        } else {
          at = new Date(at.getTime() + 60_000);
          const result = await runOrderCommand(db, await personOf(step), { orderId: order.id, command }, at);
          expect(inEnglish(result), `step ${i + 1} (${step.who} ${step.command}): ${JSON.stringify(inEnglish(result))}`).toMatchObject({ ok: true });
        }
        const list = checklist(scenario, await done());
        expect(list.done.slice(0, i + 1).every(Boolean), `after step ${i + 1}`).toBe(true);
      }
      expect(checklist(scenario, await done())).toEqual({ done: scenario.steps.map(() => true), next: null });
      expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
    });
  }
});
