/**
 * The authorization matrix (issue 15, "the attack suite lives in the repository"): every command a
 * person can send, by every kind of outsider, on orders at every stage — another buyer, another
 * shop's seller, and the buyer, seller and support agent of another world with the same names. None
 * may succeed, and none may change anything; the count is printed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { PERSON_COMMAND_TYPES, type Command, type PersonCommandType } from "@/lib/order";
import { DEMO_WORLD, type SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { appTime } from "@/lib/server/timers/sim-clock";
import { createWorld } from "@/lib/server/worlds/create-world";

/** A well-formed command of each type (a compile error when the engine gains one this does not name). */
const COMMANDS: { [T in PersonCommandType]: (orderId: string) => Extract<Command, { type: T }> } = {
  PAY: () => ({ type: "PAY" }),
  BUYER_CANCEL: () => ({ type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }),
  REQUEST_CANCEL: () => ({ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }),
  WITHDRAW_CANCEL_REQUEST: () => ({ type: "WITHDRAW_CANCEL_REQUEST" }),
  APPROVE_CANCEL_REQUEST: () => ({ type: "APPROVE_CANCEL_REQUEST" }),
  REJECT_CANCEL_REQUEST: () => ({ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }),
  SELLER_CANCEL: () => ({ type: "SELLER_CANCEL", reasonKey: "out_of_stock" }),
  ARRANGE_SHIPMENT: () => ({ type: "ARRANGE_SHIPMENT" }),
  OPERATOR_CANCEL: () => ({ type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" }),
  REFUSE_PARCEL: () => ({ type: "REFUSE_PARCEL" }),
  REQUEST_RETURN: () => ({ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Never came.", photoCount: 0 }),
  WITHDRAW_RETURN: () => ({ type: "WITHDRAW_RETURN" }),
  ACCEPT_OFFER: () => ({ type: "ACCEPT_OFFER" }),
  DECLINE_OFFER: () => ({ type: "DECLINE_OFFER" }),
  SHIP_RETURN: () => ({ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" }),
  APPROVE_RETURN: () => ({ type: "APPROVE_RETURN" }),
  REJECT_RETURN: () => ({ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }),
  OFFER_PARTIAL_REFUND: () => ({ type: "OFFER_PARTIAL_REFUND", amountMinor: 100 }),
  ACCEPT_RETURNED_PARCEL: () => ({ type: "ACCEPT_RETURNED_PARCEL" }),
  REJECT_RETURNED_PARCEL: () => ({ type: "REJECT_RETURNED_PARCEL", reasonKey: "item_damaged_by_buyer", photoCount: 1 }),
  CONFIRM_REFUSED_PARCEL: () => ({ type: "CONFIRM_REFUSED_PARCEL" }),
  ESCALATE: () => ({ type: "ESCALATE", subject: "CASE", statement: "Please decide.", photoCount: 0 }),
  ADD_DISPUTE_STATEMENT: (orderId) => ({ type: "ADD_DISPUTE_STATEMENT", disputeId: `${orderId}-dispute-1`, statement: "More.", photoCount: 0 }),
  DECIDE_DISPUTE: (orderId) => ({ type: "DECIDE_DISPUTE", disputeId: `${orderId}-dispute-1`, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The evidence supports the buyer fully." }),
  DECIDE_REFUND_DISPUTE: (orderId) => ({ type: "DECIDE_REFUND_DISPUTE", disputeId: `${orderId}-dispute-1`, outcome: "BUYER", rationale: "The refund is overdue; pay it now." }),
  APPEAL_DECISION: (orderId) => ({ type: "APPEAL_DECISION", disputeId: `${orderId}-dispute-1`, statement: "The decision is wrong." }),
  DECIDE_APPEAL: (orderId) => ({ type: "DECIDE_APPEAL", disputeId: `${orderId}-dispute-1`, outcome: "OVERTURN", rationale: "The first decision missed the photos." }),
};

let other = "";
type Person = { id: string; worldId: string; role: string; shopId: string | null };
let people: Person[] = [];

const asUser = (person: Person): SessionUser => ({ id: person.id, worldId: person.worldId, role: person.role as SessionUser["role"], name: person.id, shopId: person.shopId, shopName: null });

beforeAll(async () => {
  await seedDemoWorld(db, new Date());
  const created = await createWorld(db, { visitorId: "matrix", name: "Other room", ownerName: "Owner", template: "DEMO_COPY" }, new Date());
  if (!created.ok) throw new Error(created.error.message);
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
      const twin = (id: string | null) => people.find((person) => person.id === `${other}:${id}`);
      const outsiders = [
        people.find((p) => p.worldId === DEMO_WORLD && p.role === "BUYER" && p.id !== order.buyerId),
        people.find((p) => p.worldId === DEMO_WORLD && p.role === "SELLER" && p.shopId !== order.shopId),
        twin(order.buyerId),
        people.find((p) => p.worldId === other && p.role === "SELLER" && p.shopId === `${other}:${order.shopId}`),
        twin("support-sam"),
        twin("support-priya"),
      ].filter((person): person is Person => !!person);
      expect(outsiders).toHaveLength(6);
      for (const outsider of outsiders) {
        for (const type of PERSON_COMMAND_TYPES) {
          attempts += 1;
          const result = await runOrderCommand(db, asUser(outsider), { orderId: order.id, expectedVersion: order.version, command: COMMANDS[type](order.id) }, now);
          if (result.ok) allowed.push(`${outsider.id} ${type} on ${order.id} (${order.status})`);
          else expect(["NOT_FOUND", "FORBIDDEN"]).toContain(result.error.code);
        }
      }
    }
    console.log(`authorization matrix: ${attempts} attempts (${orders.length} orders × 6 outsiders × ${PERSON_COMMAND_TYPES.length} commands), ${allowed.length} wrongly allowed`);
    expect(allowed).toEqual([]);
    const after = await db.order.findMany({ where: { worldId: DEMO_WORLD }, select: { id: true, version: true } });
    expect(after.every((order) => before.get(order.id) === order.version)).toBe(true);
    expect(await checkOrders(db)).toEqual([]);
  }, 180_000);
});
