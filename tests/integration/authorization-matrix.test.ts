/**
 * The authorization matrix (issue 15, "the attack suite lives in the repository"): every command a
 * person can send, by every kind of outsider, on orders at every stage — another buyer, another
 * shop's seller, and the buyer, seller and support agent of another world with the same names. None
 * may succeed, and none may change anything; the count is printed.
 */
import { inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { PERSON_COMMAND_TYPES } from "@/lib/order";
import { DEMO_WORLD, type SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { appTime } from "@/lib/server/timers/sim-clock";
import { createWorld } from "@/lib/server/worlds/create-world";
import { COMMANDS } from "../support/commands";

let other = "";
type Person = { id: string; worldId: string; role: string; shopId: string | null };
let people: Person[] = [];

const asUser = (person: Person): SessionUser => ({ id: person.id, worldId: person.worldId, role: person.role as SessionUser["role"], name: person.id, shopId: person.shopId, shopName: null });

beforeAll(async () => {
  await seedDemoWorld(db, new Date());
  const created = await createWorld(db, { visitorId: "matrix", name: "Other room", ownerName: "Owner", template: "DEMO_COPY" }, new Date());
  if (!created.ok) throw new Error(created.error.message.key);
  other = created.value.worldId;
  people = await db.user.findMany({ select: { id: true, worldId: true, role: true, shopId: true } });
});

describe("the authorization matrix", () => {
  it("no outsider's command succeeds on any order, at any stage, and nothing changes", async () => {
    // Every order of the demo world: each stage and sub-state the seed has.
    const orders = await db.order.findMany({ where: { worldId: DEMO_WORLD }, select: { id: true, version: true, buyerId: true, shopId: true, status: true } });
    const now = await appTime(db);
    const before = new Map(orders.map((order) => [order.id, order.version]));
    let attempts = 0;
    const allowed: string[] = [];
    for (const order of orders) {
      const twin = (id: string | null) => people.find((person) => person.id === `${other}_${id}`);
      const outsiders = [
        people.find((p) => p.worldId === DEMO_WORLD && p.role === "BUYER" && p.id !== order.buyerId),
        people.find((p) => p.worldId === DEMO_WORLD && p.role === "SELLER" && p.shopId !== order.shopId),
        twin(order.buyerId),
        people.find((p) => p.worldId === other && p.role === "SELLER" && p.shopId === `${other}_${order.shopId}`),
        twin("support-sam"),
        twin("support-priya"),
      ].filter((person): person is Person => !!person);
      expect(outsiders).toHaveLength(6);
      for (const outsider of outsiders) {
        for (const type of PERSON_COMMAND_TYPES) {
          attempts += 1;
          const result = await runOrderCommand(db, asUser(outsider), { orderId: order.id, expectedVersion: order.version, command: COMMANDS[type](order.id) }, now);
          if (result.ok) allowed.push(`${outsider.id} ${type} on ${order.id} (${order.status})`);
          else expect(inEnglish(["NOT_FOUND", "FORBIDDEN"])).toContain(result.error.code);
        }
      }
    }
    console.log(`authorization matrix: ${attempts} attempts (${orders.length} orders × 6 outsiders × ${PERSON_COMMAND_TYPES.length} commands), ${allowed.length} wrongly allowed`);
    expect(inEnglish(allowed)).toEqual([]);
    const after = await db.order.findMany({ where: { worldId: DEMO_WORLD }, select: { id: true, version: true } });
    expect(after.every((order) => before.get(order.id) === order.version)).toBe(true);
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  }, 180_000);
});
