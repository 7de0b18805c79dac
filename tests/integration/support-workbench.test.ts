/**
 * Support's workbench (issue 17): the queue by support's target with its kinds and filters, taking
 * a case (and the race for it), appeals routed away from the first decider, asking a party for more
 * information, the refundable maximum, the team's templates, and that buyers and sellers reach none
 * of it. db:check holds after all of it.
 */
import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { STALE_ORDER_MESSAGE } from "@/lib/errors";
import type { Command } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { askForInformation } from "@/lib/server/orders/ask-for-information";
import { decideDispute } from "@/lib/server/orders/decide-dispute";
import { runOrderCommand, type CommandActor } from "@/lib/server/orders/run-order-command";
import { takeDispute } from "@/lib/server/orders/take-dispute";
import { caseView } from "@/lib/server/support/case-view";
import { queueFilters, supportQueue } from "@/lib/server/support/queue";
import { deleteTemplate, listTemplates, saveTemplate } from "@/lib/server/support/templates";
import { T0, buyerAva, buyerBen, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pat: SessionUser = { id: "t-support-pat", role: "SUPPORT", name: "Pat Support", shopId: null, shopName: null };
const all = queueFilters({});
const version = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true } })).version;

async function run(who: CommandActor, orderId: string, command: Command, at: Date) {
  const result = await runOrderCommand(db, who, { orderId, expectedVersion: await version(orderId), command }, at);
  if (!result.ok) throw new Error(`${command.type}: ${say(result.error.message)}`);
}

/** A refund request at the US shop the seller rejects and the buyer escalates at `at`. */
async function requestDispute(at: Date, buyer: SessionUser = buyerAva) {
  const order = await createOrder(db, { status: "DELIVERED", placedAt: new Date(at.getTime() - 12 * DAY), buyerId: buyer.id });
  await run(buyer, order.id, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Nothing came.", photoCount: 0 }, new Date(at.getTime() - 2 * HOUR));
  await run(sellerUs, order.id, { type: "REJECT_RETURN", reasonKey: "delivered_per_tracking" }, new Date(at.getTime() - HOUR));
  await run(buyer, order.id, { type: "ESCALATE", subject: "CASE", statement: "The parcel never came.", photoCount: 0 }, at);
  return { orderId: order.id, code: order.code, disputeId: `${order.id}-dispute-1` };
}

/** A cancel request at the global shop the seller rejects and the buyer escalates at `at`. */
async function cancelDispute(at: Date) {
  const order = await createOrder(db, { status: "AWAITING_SHIPMENT", shopId: "t-shop-gl", items: [{ productId: "t-prod-kite", quantity: 1 }], placedAt: new Date(at.getTime() - 3 * HOUR) });
  await run(buyerAva, order.id, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, new Date(at.getTime() - 40 * 60_000));
  await run(sellerGlobal, order.id, { type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, new Date(at.getTime() - 20 * 60_000));
  await run(buyerAva, order.id, { type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "It has not shipped yet.", photoCount: 0 }, at);
  return { orderId: order.id, code: order.code, disputeId: `${order.id}-dispute-1` };
}

const decideFor = (disputeId: string, outcome: "BUYER" | "SELLER", amountMinor: number | null = null): Command => ({ type: "DECIDE_DISPUTE", disputeId, outcome, amountMinor, returnRequired: false, rationale: "Decided on the tracking and the photos." });

let oldest: Awaited<ReturnType<typeof requestDispute>>;
let newest: Awaited<ReturnType<typeof requestDispute>>;
let cancel: Awaited<ReturnType<typeof cancelDispute>>;
let appeal: Awaited<ReturnType<typeof requestDispute>>;

beforeAll(async () => {
  await createWorld(db);
  await db.user.create({ data: { id: pat.id, role: "SUPPORT", name: pat.name, blurb: "test persona", createdAt: T0 } });
  // Escalated 50 h and 2 h before T0 (targets: 2 h overdue, in 46 h); a cancel dispute 10 h before (in 38 h).
  oldest = await requestDispute(new Date(T0.getTime() - 50 * HOUR));
  cancel = await cancelDispute(new Date(T0.getTime() - 10 * HOUR));
  newest = await requestDispute(new Date(T0.getTime() - 2 * HOUR), buyerBen);
  // Sue decides one for the buyer; the seller appeals 20 h before T0 (target in 28 h).
  appeal = await requestDispute(new Date(T0.getTime() - 30 * HOUR));
  await run(supportAgent, appeal.orderId, decideFor(appeal.disputeId, "BUYER"), new Date(T0.getTime() - 24 * HOUR));
  await run(sellerUs, appeal.orderId, { type: "APPEAL_DECISION", disputeId: appeal.disputeId, statement: "Tracking shows it was delivered." }, new Date(T0.getTime() - 20 * HOUR));
}, 60_000);

describe("the queue", () => {
  it("lists what waits on support by its target, overdue first, with counts per kind and how long each waited", async () => {
    const page = await supportQueue(pat, all, T0, {});
    expect(inEnglish(page.rows.map((row) => [row.code, row.kind]))).toEqual([
      [oldest.code, "REQUEST_REJECTED"],
      [appeal.code, "APPEAL"],
      [cancel.code, "CANCEL_REJECTED"],
      [newest.code, "REQUEST_REJECTED"],
    ]);
    expect(inEnglish(page.rows[0]!.targetAt)).toEqual(new Date(T0.getTime() - 2 * HOUR));
    expect(inEnglish(page.rows[0]!.waitingSince)).toEqual(new Date(T0.getTime() - 50 * HOUR));
    // An appeal waits from the appeal, not from the dispute's opening.
    expect(inEnglish(page.rows[1]!.waitingSince)).toEqual(new Date(T0.getTime() - 20 * HOUR));
    expect(inEnglish(page.counts)).toEqual({ REQUEST_REJECTED: 2, PARCEL_REJECTED: 0, CANCEL_REJECTED: 1, REFUND_OVERDUE: 0, APPEAL: 1 });
  });

  it("filters by kind, shop, profile, age and holder, and pages by keyset", async () => {
    const codes = async (params: Record<string, string>, user: SessionUser = pat) => (await supportQueue(user, queueFilters(params), T0, {})).rows.map((row) => row.code);
    expect(inEnglish(await codes({ kind: "REQUEST_REJECTED" }))).toEqual([oldest.code, newest.code]);
    expect(inEnglish(await codes({ shop: "t-shop-gl" }))).toEqual([cancel.code]);
    expect(inEnglish(await codes({ profile: "US" }))).toEqual([oldest.code, appeal.code, newest.code]);
    expect(inEnglish(await codes({ age: "24" }))).toEqual([oldest.code]);
    expect(inEnglish(await codes({ age: "12" }))).toEqual([oldest.code, appeal.code]);
    expect(await codes({ holder: "NOBODY" })).toHaveLength(4);
    expect(inEnglish(await codes({ holder: "MINE" }))).toEqual([]);
    // Unknown values are "all".
    expect(await codes({ kind: "EVERYTHING", profile: "MARS", age: "7" })).toHaveLength(4);
    const first = await supportQueue(pat, all, T0, { pageSize: 3 });
    const second = await supportQueue(pat, all, T0, { pageSize: 3, after: first.later! });
    expect(inEnglish([...first.rows, ...second.rows].map((row) => row.code))).toEqual([oldest.code, appeal.code, cancel.code, newest.code]);
    expect(second.later).toBeNull();
  });

  it("routes an appeal only to agents other than the one who made the first decision", async () => {
    const sue = await supportQueue(supportAgent, all, T0, {});
    expect(inEnglish(sue.rows.map((row) => row.code))).not.toContain(appeal.code);
    expect(sue.counts.APPEAL).toBe(0);
    const taken = await takeDispute(supportAgent, { orderId: appeal.orderId, expectedVersion: await version(appeal.orderId), disputeId: appeal.disputeId, reason: "" }, T0);
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(say(taken.error.message)).toMatch(/different agent must decide this appeal/);
  });
});

describe("taking a case", () => {
  it("two agents take the same case at once: one wins, the other is told the order changed", async () => {
    const expectedVersion = await version(oldest.orderId);
    const input = { orderId: oldest.orderId, expectedVersion, disputeId: oldest.disputeId, reason: "" };
    const results = await Promise.all([takeDispute(supportAgent, input, T0), takeDispute(pat, input, T0)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(inEnglish(lost && !lost.ok && lost.error)).toMatchObject({ code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) });
    const winner = results[0]!.ok ? supportAgent : pat;
    const row = await db.dispute.findUniqueOrThrow({ where: { id: oldest.disputeId } });
    expect(row.assigneeId).toBe(winner.id);
    expect(await db.orderEvent.count({ where: { orderId: oldest.orderId, type: "DISPUTE_TAKEN" } })).toBe(1);
    // The queue shows who has it.
    const listed = (await supportQueue(pat, all, T0, {})).rows.find((r) => r.code === oldest.code)!;
    expect(inEnglish(listed.holder)).toMatchObject({ id: winner.id, name: winner.name });
    // Let Sue hold it for the next test.
    if (winner.id !== supportAgent.id) await run(supportAgent, oldest.orderId, { type: "TAKE_DISPUTE", disputeId: oldest.disputeId, reason: "Back to me: I started this one." }, T0);
  });

  it("another agent takes it over only with a reason, which is on the timeline; only the holder decides", async () => {
    const input = async () => ({ orderId: oldest.orderId, expectedVersion: await version(oldest.orderId), disputeId: oldest.disputeId });
    const before = await version(oldest.orderId);
    const blocked = await decideDispute(pat, { ...(await input()), outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Decided on the tracking and the photos." }, T0);
    expect(say(!blocked.ok && blocked.error.message)).toMatch(/Another agent has taken this case/);
    const noReason = await takeDispute(pat, { ...(await input()), reason: "  " }, T0);
    expect(inEnglish(!noReason.ok && noReason.error.fieldErrors?.reason?.[0])).toMatch(/Say why you are taking this case over/);
    expect(await version(oldest.orderId)).toBe(before);
    const over = await takeDispute(pat, { ...(await input()), reason: "Sue is off until Monday." }, T0);
    expect(over.ok).toBe(true);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: oldest.orderId, type: "DISPUTE_TAKEN" }, orderBy: { seq: "desc" } });
    expect(inEnglish(event)).toMatchObject({ actorId: pat.id, summary: expect.stringContaining("Sue is off until Monday.") });
    expect(inEnglish((await supportQueue(pat, queueFilters({ holder: "MINE" }), T0, {})).rows.map((r) => r.code))).toEqual([oldest.code]);
  });

  it("a partial amount above what is still refundable is refused next to the field, and nothing changes", async () => {
    const before = await version(oldest.orderId);
    const view = await caseView(pat, oldest.disputeId, T0);
    // $82.50 + $5.99 shipping: all of it is still refundable.
    expect(view!.dispute.refundableMinor).toBe(8849);
    const refused = await decideDispute(pat, { orderId: oldest.orderId, expectedVersion: before, disputeId: oldest.disputeId, outcome: "BUYER", amountMinor: 8850, returnRequired: false, rationale: "Decided on the tracking and the photos." }, T0);
    expect(inEnglish(!refused.ok && refused.error.fieldErrors?.amount?.[0])).toMatch(/between \$0\.01 and \$88\.49/);
    expect(await version(oldest.orderId)).toBe(before);
    expect(await db.refund.count({ where: { orderId: oldest.orderId } })).toBe(0);
  });
});

describe("asking a party for more information", () => {
  it("notifies that party, shows the 48 h target in the queue, and the party's statement answers it", async () => {
    const asked = await askForInformation(pat, { orderId: newest.orderId, expectedVersion: await version(newest.orderId), disputeId: newest.disputeId, party: "SELLER", question: "Please send the carrier's proof of delivery." }, T0);
    expect(asked.ok).toBe(true);
    const notification = await db.notification.findFirstOrThrow({ where: { orderId: newest.orderId, kind: "INFORMATION_REQUESTED" } });
    expect(inEnglish(notification)).toMatchObject({ shopId: "t-shop-us", userId: null });
    const row = (await supportQueue(pat, all, T0, {})).rows.find((r) => r.code === newest.code)!;
    expect(inEnglish(row.asked)).toEqual({ party: "SELLER", answerBy: new Date(T0.getTime() + 48 * HOUR) });
    await run(sellerUs, newest.orderId, { type: "ADD_DISPUTE_STATEMENT", disputeId: newest.disputeId, statement: "Here is the carrier's photo at the door.", photoCount: 0 }, new Date(T0.getTime() + HOUR));
    expect((await supportQueue(pat, all, T0, {})).rows.find((r) => r.code === newest.code)!.asked).toBeNull();
  });
});

describe("only support", () => {
  it("a buyer or a seller reaches none of it: the queue, the case, taking, asking, templates", async () => {
    for (const user of [buyerAva, sellerUs]) {
      expect(inEnglish((await supportQueue(user, all, T0, {})).rows)).toEqual([]);
      expect(await caseView(user, oldest.disputeId, T0)).toBeNull();
      expect(inEnglish(await listTemplates(user))).toEqual([]);
      expect((await saveTemplate(user, { title: "Mine now", body: "A rationale long enough to pass." }, T0)).ok).toBe(false);
      // A forged form: the same services the actions call.
      const taken = await takeDispute(user, { orderId: cancel.orderId, expectedVersion: await version(cancel.orderId), disputeId: cancel.disputeId, reason: "" }, T0);
      expect(taken.ok).toBe(false);
      const asked = await askForInformation(user, { orderId: cancel.orderId, expectedVersion: await version(cancel.orderId), disputeId: cancel.disputeId, party: "BUYER", question: "Anything else to add?" }, T0);
      expect(asked.ok).toBe(false);
    }
    expect((await db.dispute.findUniqueOrThrow({ where: { id: cancel.disputeId } })).assigneeId).toBeNull();
  });
});

describe("the team's rationale templates", () => {
  it("an agent adds, changes and deletes one; bad input is refused next to the field", async () => {
    const bad = await saveTemplate(pat, { title: "x", body: "too short" }, T0);
    expect(inEnglish(!bad.ok && bad.error.fieldErrors)).toEqual({ title: [expect.stringMatching(/3 to 80/)], body: [expect.stringMatching(/at least 20/)] });
    const added = await saveTemplate(pat, { title: "Damaged in transit", body: "The photos show transit damage; the buyer is refunded." }, T0);
    expect(added.ok).toBe(true);
    const id = added.ok ? added.value.id : "";
    const changed = await saveTemplate(supportAgent, { id, title: "Damaged in transit", body: "The photos show transit damage the seller's packing allowed." }, T0);
    expect(changed.ok).toBe(true);
    expect(inEnglish(await listTemplates(pat))).toEqual([{ id, title: "Damaged in transit", body: "The photos show transit damage the seller's packing allowed.", updatedBy: "Sue Support", updatedAt: T0 }]);
    // Another world's agent cannot touch it.
    const outsider: SessionUser = { ...pat, worldId: "elsewhere" };
    expect((await saveTemplate(outsider, { id, title: "Hijacked", body: "A rationale long enough to pass." }, T0)).ok).toBe(false);
    expect((await deleteTemplate(outsider, id)).ok).toBe(false);
    expect((await deleteTemplate(pat, id)).ok).toBe(true);
    expect(inEnglish(await listTemplates(pat))).toEqual([]);
  });
});

describe("the books and the history", () => {
  it("db:check finds nothing wrong: queue columns derived, events replay to the stored state", async () => {
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  });
});
