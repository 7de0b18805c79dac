/**
 * Every after-shipment and dispute service through the real runner: the happy path, someone else,
 * the wrong state, a stale page and a replayed idempotency key; and evidence photos stored only when
 * the command is accepted, visible only to the order's parties and support.
 */
import { inEnglish, say } from "../support/order-state";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { STALE_ORDER_MESSAGE, type Result } from "@/lib/errors";
import type { Command } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { solidPng } from "@/lib/server/demo/png";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { acceptOffer } from "@/lib/server/orders/accept-offer";
import { acceptReturnedParcel } from "@/lib/server/orders/accept-returned-parcel";
import { addDisputeStatement } from "@/lib/server/orders/add-dispute-statement";
import { appealDecision } from "@/lib/server/orders/appeal-decision";
import { approveReturn } from "@/lib/server/orders/approve-return";
import { confirmRefusedParcel } from "@/lib/server/orders/confirm-refused-parcel";
import { declineOffer } from "@/lib/server/orders/decline-offer";
import { decideAppeal } from "@/lib/server/orders/decide-appeal";
import { decideDispute } from "@/lib/server/orders/decide-dispute";
import { decideRefundDispute } from "@/lib/server/orders/decide-refund-dispute";
import { escalate } from "@/lib/server/orders/escalate";
import { offerPartialRefund } from "@/lib/server/orders/offer-partial-refund";
import { refuseParcel } from "@/lib/server/orders/refuse-parcel";
import { rejectReturn } from "@/lib/server/orders/reject-return";
import { rejectReturnedParcel } from "@/lib/server/orders/reject-returned-parcel";
import { requestReturn } from "@/lib/server/orders/request-return";
import { runOrderCommand, type OrderCommandResult } from "@/lib/server/orders/run-order-command";
import { runSystemCommand } from "@/lib/server/orders/run-system-command";
import { shipReturn } from "@/lib/server/orders/ship-return";
import { withdrawReturn } from "@/lib/server/orders/withdraw-return";
import { buyerAva, buyerBen, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
const agentB: SessionUser = { ...supportAgent, id: "t-support-2", name: "Second Agent" };
const png = (rgb: [number, number, number] = [200, 40, 40]) => new File([new Uint8Array(solidPng(rgb))], "photo.png", { type: "image/png" });

beforeAll(async () => {
  await createWorld(db);
  await db.user.create({ data: { id: agentB.id, role: "SUPPORT", name: agentB.name, blurb: "test", createdAt: new Date(0) } });
  await db.product.updateMany({ data: { stock: 1000 } });
});

/** A running order: its id, and a clock that each step moves forward. */
interface Story {
  id: string;
  at: Date;
}

async function version(orderId: string) {
  return (await db.order.findUniqueOrThrow({ where: { id: orderId } })).version;
}

async function act(story: Story, user: SessionUser, command: Command, hours = 1): Promise<Story> {
  const at = new Date(story.at.getTime() + hours * HOUR);
  const result = await runOrderCommand(db, user, { orderId: story.id, expectedVersion: await version(story.id), command }, at);
  if (!result.ok) throw new Error(`${command.type}: ${say(result.error.message)}`);
  return { ...story, at };
}

async function timer(story: Story, command: Command, kind: string): Promise<Story> {
  const deadline = await db.deadline.findFirstOrThrow({ where: { orderId: story.id, kind, resolvedAt: null } });
  const result = await runSystemCommand(db, story.id, command, deadline.dueAt);
  if (!result.ok) throw new Error(`${command.type}: ${say(result.error.message)}`);
  return { ...story, at: deadline.dueAt };
}

async function delivered(): Promise<Story> {
  const order = await createOrder(db, { status: "DELIVERED" });
  const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  return { id: order.id, at: row.deliveredAt! };
}

const stories = {
  inTransit: async (): Promise<Story> => {
    const order = await createOrder(db, { status: "IN_TRANSIT" });
    return { id: order.id, at: (await db.order.findUniqueOrThrow({ where: { id: order.id } })).pickedUpAt! };
  },
  delivered,
  requested: async (caseType: "REFUND_ONLY" | "RETURN_AND_REFUND" = "REFUND_ONLY") =>
    act(await delivered(), buyerAva, { type: "REQUEST_RETURN", caseType, reasonKey: "damaged", description: "Cracked", photoCount: 1 }),
  offered: async () => act(await stories.requested(), sellerUs, { type: "OFFER_PARTIAL_REFUND", amountMinor: 1000 }),
  approvedReturn: async () => act(await stories.requested("RETURN_AND_REFUND"), sellerUs, { type: "APPROVE_RETURN" }),
  returnArrived: async () => {
    const shipped = await act(await stories.approvedReturn(), buyerAva, { type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    return timer(shipped, { type: "RETURN_PARCEL_DELIVERED" }, "RETURN_TRANSIT");
  },
  refusedBack: async () => timer(await act(await stories.inTransit(), buyerAva, { type: "REFUSE_PARCEL" }), { type: "REFUSED_PARCEL_DELIVERED" }, "REFUSED_PARCEL_TRANSIT"),
  rejected: async () => act(await stories.requested(), sellerUs, { type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }),
  escalated: async () => act(await stories.rejected(), buyerAva, { type: "ESCALATE", subject: "CASE", statement: "It is broken.", photoCount: 0 }),
  refundOverdue: async (): Promise<Story> => {
    const order = await createOrder(db, { status: "ON_HOLD", paymentMethod: "CARD" });
    const start = { id: order.id, at: (await db.order.findUniqueOrThrow({ where: { id: order.id } })).paidAt! };
    const cancelled = await act(start, buyerAva, { type: "BUYER_CANCEL", reasonKey: "other" }, 0.1);
    const refundKey = `cancel:${order.id}`;
    await runSystemCommand(db, order.id, { type: "DELAY_REFUND", refundKey }, new Date(cancelled.at.getTime() + HOUR));
    const overdue = await timer(cancelled, { type: "REFUND_OVERDUE", refundKey }, `REFUND_OVERDUE:${refundKey}`);
    return act(overdue, buyerAva, { type: "ESCALATE", subject: "REFUND", refundKey, statement: "It never arrived.", photoCount: 0 });
  },
};

async function disputeOf(story: Story) {
  return (await db.dispute.findFirstOrThrow({ where: { orderId: story.id }, orderBy: { openedAt: "desc" } })).id;
}

async function decidedForBuyer(): Promise<Story & { disputeId: string }> {
  const escalatedStory = await stories.escalated();
  const disputeId = await disputeOf(escalatedStory);
  const decided = await act(escalatedStory, supportAgent, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The photos show the damage clearly." });
  return { ...decided, disputeId };
}

type Call = (user: SessionUser, input: { orderId: string; expectedVersion: number; idempotencyKey?: string }, now: Date) => Promise<Result<OrderCommandResult>>;

interface Case {
  name: string;
  user: SessionUser;
  stranger: SessionUser | null;
  setup: () => Promise<Story & { disputeId?: string }>;
  wrongState: () => Promise<Story>;
  call: (story: Story & { disputeId?: string }) => Call;
}

const cases: Case[] = [
  { name: "refuse parcel", user: buyerAva, stranger: buyerBen, setup: stories.inTransit, wrongState: stories.delivered, call: () => refuseParcel },
  { name: "request return (with a photo)", user: buyerAva, stranger: buyerBen, setup: stories.delivered, wrongState: stories.inTransit, call: () => (u, i, n) => requestReturn(u, { ...i, caseType: "RETURN_AND_REFUND", reasonKey: "damaged", description: "Cracked", photos: [png()] }, n) },
  { name: "withdraw return", user: buyerAva, stranger: buyerBen, setup: () => stories.requested(), wrongState: stories.delivered, call: () => withdrawReturn },
  { name: "accept offer", user: buyerAva, stranger: buyerBen, setup: stories.offered, wrongState: () => stories.requested(), call: () => acceptOffer },
  { name: "decline offer", user: buyerAva, stranger: buyerBen, setup: stories.offered, wrongState: () => stories.requested(), call: () => declineOffer },
  { name: "ship return", user: buyerAva, stranger: buyerBen, setup: stories.approvedReturn, wrongState: () => stories.requested(), call: () => (u, i, n) => shipReturn(u, { ...i, method: "SELF_ARRANGED", carrier: "USPS", trackingNumber: "9400111899223334445566" }, n) },
  { name: "approve return", user: sellerUs, stranger: sellerGlobal, setup: () => stories.requested(), wrongState: stories.delivered, call: () => approveReturn },
  { name: "reject return", user: sellerUs, stranger: sellerGlobal, setup: () => stories.requested(), wrongState: stories.delivered, call: () => (u, i, n) => rejectReturn(u, { ...i, reasonKey: "used_or_worn" }, n) },
  { name: "offer partial refund", user: sellerUs, stranger: sellerGlobal, setup: () => stories.requested(), wrongState: stories.delivered, call: () => (u, i, n) => offerPartialRefund(u, { ...i, amountMinor: 1500 }, n) },
  { name: "accept returned parcel", user: sellerUs, stranger: sellerGlobal, setup: stories.returnArrived, wrongState: stories.approvedReturn, call: () => acceptReturnedParcel },
  { name: "reject returned parcel (with photos)", user: sellerUs, stranger: sellerGlobal, setup: stories.returnArrived, wrongState: stories.approvedReturn, call: () => (u, i, n) => rejectReturnedParcel(u, { ...i, reasonKey: "empty_parcel", photos: [png([1, 1, 1]), png([2, 2, 2])] }, n) },
  { name: "confirm refused parcel", user: sellerUs, stranger: sellerGlobal, setup: stories.refusedBack, wrongState: stories.delivered, call: () => confirmRefusedParcel },
  { name: "escalate", user: buyerAva, stranger: buyerBen, setup: stories.rejected, wrongState: () => stories.requested(), call: () => (u, i, n) => escalate(u, { ...i, subject: "CASE", refundKey: undefined, statement: "Please decide.", photos: [png()] }, n) },
  {
    name: "add dispute statement",
    user: sellerUs,
    stranger: sellerGlobal,
    setup: async () => {
      const s = await stories.escalated();
      return { ...s, disputeId: await disputeOf(s) };
    },
    wrongState: stories.rejected,
    call: (s) => (u, i, n) => addDisputeStatement(u, { ...i, disputeId: s.disputeId ?? "none", statement: "It was fine when it left.", photos: [png([9, 9, 9])] }, n),
  },
  {
    name: "decide dispute",
    user: supportAgent,
    stranger: null,
    setup: async () => {
      const s = await stories.escalated();
      return { ...s, disputeId: await disputeOf(s) };
    },
    wrongState: stories.rejected,
    call: (s) => (u, i, n) => decideDispute(u, { ...i, disputeId: s.disputeId ?? "none", outcome: "BUYER", amountMinor: 2000, returnRequired: false, rationale: "A partial refund is fair here." }, n),
  },
  {
    name: "decide refund dispute",
    user: supportAgent,
    stranger: null,
    setup: async () => {
      const s = await stories.refundOverdue();
      return { ...s, disputeId: await disputeOf(s) };
    },
    wrongState: stories.delivered,
    call: (s) => (u, i, n) => decideRefundDispute(u, { ...i, disputeId: s.disputeId ?? "none", outcome: "BUYER", rationale: "The card network lost it." }, n),
  },
  { name: "appeal decision", user: sellerUs, stranger: sellerGlobal, setup: decidedForBuyer, wrongState: stories.escalated, call: (s) => (u, i, n) => appealDecision(u, { ...i, disputeId: s.disputeId ?? "none", statement: "The buyer dropped it." }, n) },
  {
    name: "decide appeal (another agent)",
    user: agentB,
    stranger: null,
    setup: async () => {
      const d = await decidedForBuyer();
      return { ...(await act(d, sellerUs, { type: "APPEAL_DECISION", disputeId: d.disputeId, statement: "The buyer dropped it." })), disputeId: d.disputeId };
    },
    wrongState: decidedForBuyer,
    call: (s) => (u, i, n) => decideAppeal(u, { ...i, disputeId: s.disputeId ?? "none", outcome: "OVERTURN", rationale: "The courier's photo shows it intact." }, n),
  },
];

async function footprint(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, status: true } });
  const [refunds, ledger, evidence] = await Promise.all([db.refund.count({ where: { orderId } }), db.ledgerEntry.count({ where: { orderId } }), db.evidence.count({ where: { orderId } })]);
  return { ...order, refunds, ledger, evidence };
}

describe.each(cases)("$name", (c) => {
  const inputFor = async (story: Story, extra: Partial<{ expectedVersion: number; idempotencyKey: string }> = {}) => ({ orderId: story.id, expectedVersion: await version(story.id), ...extra });

  it("works for its person, and the order's history replays", async () => {
    const story = await c.setup();
    const result = await c.call(story)(c.user, await inputFor(story), new Date(story.at.getTime() + HOUR));
    expect(result.ok ? null : result.error).toBeNull();
    expect(inEnglish(await checkOrders(db, [story.id]))).toEqual([]);
  });

  it("is refused to someone else, changing nothing", async () => {
    const story = await c.setup();
    const before = await footprint(story.id);
    if (c.stranger) expect(inEnglish(await c.call(story)(c.stranger, await inputFor(story), new Date(story.at.getTime() + HOUR)))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const other = c.user.role === "SUPPORT" ? sellerUs : supportAgent;
    const wrongRole = await c.call(story)(other, await inputFor(story), new Date(story.at.getTime() + HOUR));
    expect(inEnglish(wrongRole.ok ? null : wrongRole.error.code)).toMatch(/FORBIDDEN|NOT_FOUND|VALIDATION/);
    expect(inEnglish(await footprint(story.id))).toEqual(inEnglish(before));
  });

  it("is refused in the wrong state", async () => {
    const story = await c.wrongState();
    const before = await footprint(story.id);
    const result = await c.call({ ...story, disputeId: "none" })(c.user, await inputFor(story), new Date(story.at.getTime() + HOUR));
    expect(inEnglish(result.ok ? null : result.error.code)).toMatch(/INVALID_TRANSITION|VALIDATION/);
    expect(inEnglish(await footprint(story.id))).toEqual(inEnglish(before));
  });

  it("a stale page gets the 'order changed' message; a replayed key gets the first result", async () => {
    const story = await c.setup();
    const at = new Date(story.at.getTime() + HOUR);
    const stale = await c.call(story)(c.user, await inputFor(story, { expectedVersion: (await version(story.id)) + 1 }), at);
    expect(inEnglish(stale)).toEqual({ ok: false, error: { code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) } });
    const key = randomUUID();
    const first = await c.call(story)(c.user, await inputFor(story, { idempotencyKey: key }), at);
    const after = await footprint(story.id);
    const again = await c.call(story)(c.user, { orderId: story.id, expectedVersion: after.version - 1, idempotencyKey: key }, at);
    expect(first.ok).toBe(true);
    expect(inEnglish(again)).toEqual(inEnglish(first));
    expect(inEnglish(await footprint(story.id))).toEqual(inEnglish(after));
  });
});

describe("evidence photos", () => {
  it("are stored by content hash with the command, linked to its case, and shown only to the order's parties and support", async () => {
    const story = await delivered();
    const result = await requestReturn(buyerAva, { orderId: story.id, expectedVersion: await version(story.id), caseType: "REFUND_ONLY", reasonKey: "damaged", description: "", photos: [png([10, 20, 30]), png([10, 20, 30])] }, new Date(story.at.getTime() + HOUR));
    expect(result.ok).toBe(true);
    const evidence = await db.evidence.findMany({ where: { orderId: story.id } });
    expect(evidence).toHaveLength(2);
    expect(inEnglish(evidence[0])).toMatchObject({ caseId: `${story.id}-case-1`, ownerRole: "BUYER", contentType: "image/png" });
    // The same picture twice is one file.
    expect(readdirSync(process.env.UPLOADS_DIR!).filter((name) => name === evidence[0]!.sha256)).toHaveLength(1);
    expect(inEnglish((await getEvidence(buyerAva, evidence[0]!.id))?.contentType)).toBe("image/png");
    expect(await getEvidence(sellerUs, evidence[0]!.id)).not.toBeNull();
    expect(await getEvidence(supportAgent, evidence[0]!.id)).not.toBeNull();
    expect(await getEvidence(buyerBen, evidence[0]!.id)).toBeNull();
    expect(await getEvidence(sellerGlobal, evidence[0]!.id)).toBeNull();
  });

  it.each([
    ["a text file renamed .png", () => [new File(["I am text"], "receipt.png", { type: "image/png" })], /receipt.png is not a PNG, JPEG or WebP image/],
    ["a 6 MB image", () => [new File([new Uint8Array(Buffer.concat([solidPng([5, 5, 5]), Buffer.alloc(6 * 1024 * 1024)]))], "big.png", { type: "image/png" })], /big.png is larger than 5 MB/],
    ["a seventh image", () => Array.from({ length: 7 }, (_, i) => png([i, i, i])), /at most 6 photos/],
  ])("refuses %s with a clear message next to the photos, storing nothing", async (_, files, message) => {
    const story = await delivered();
    const before = await footprint(story.id);
    const result = await requestReturn(buyerAva, { orderId: story.id, expectedVersion: await version(story.id), caseType: "REFUND_ONLY", reasonKey: "damaged", description: "", photos: files() }, new Date(story.at.getTime() + HOUR));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("VALIDATION");
      expect(inEnglish(result.error.fieldErrors?.photos?.[0])).toMatch(message);
    }
    expect(inEnglish(await footprint(story.id))).toEqual(inEnglish(before));
  });

  it("photos of a command the rules refuse are not stored", async () => {
    const story = await stories.inTransit();
    const uploads = process.env.UPLOADS_DIR!;
    const files = existsSync(uploads) ? readdirSync(uploads).length : 0;
    const result = await requestReturn(buyerAva, { orderId: story.id, expectedVersion: await version(story.id), caseType: "REFUND_ONLY", reasonKey: "damaged", description: "", photos: [png([99, 1, 1])] }, new Date(story.at.getTime() + HOUR));
    expect(result.ok).toBe(false);
    expect(await db.evidence.count({ where: { orderId: story.id } })).toBe(0);
    expect(existsSync(uploads) ? readdirSync(uploads).length : 0).toBe(files);
  });
});

describe("races after shipment", () => {
  it("the seller's inspection and the inspection deadline at the same moment: one refund", async () => {
    for (let i = 0; i < 6; i++) {
      const story = await stories.returnArrived();
      const deadline = await db.deadline.findFirstOrThrow({ where: { orderId: story.id, kind: "INSPECTION", resolvedAt: null } });
      const v = await version(story.id);
      const results = await Promise.all([
        runOrderCommand(db, sellerUs, { orderId: story.id, expectedVersion: v, command: { type: "ACCEPT_RETURNED_PARCEL" } }, deadline.dueAt),
        runSystemCommand(db, story.id, { type: "INSPECTION_TIMEOUT" }, deadline.dueAt),
        runOrderCommand(db, sellerUs, { orderId: story.id, expectedVersion: v, command: { type: "REJECT_RETURNED_PARCEL", reasonKey: "empty_parcel", photoCount: 1 } }, deadline.dueAt),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await db.refund.count({ where: { orderId: story.id } })).toBeLessThanOrEqual(1);
      expect(inEnglish(await checkOrders(db, [story.id]))).toEqual([]);
    }
  });

  it("two agents deciding the same dispute at once: one decision", async () => {
    const story = await stories.escalated();
    const disputeId = await disputeOf(story);
    const v = await version(story.id);
    const at = new Date(story.at.getTime() + HOUR);
    const results = await Promise.all([
      runOrderCommand(db, supportAgent, { orderId: story.id, expectedVersion: v, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Agent one: the buyer is right." } }, at),
      runOrderCommand(db, agentB, { orderId: story.id, expectedVersion: v, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: "Agent two: the seller is right." } }, at),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(inEnglish(results.find((r) => !r.ok))).toEqual({ ok: false, error: { code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) } });
    const dispute = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect(inEnglish(["DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER"])).toContain(dispute.status);
    expect(inEnglish(await checkOrders(db, [story.id]))).toEqual([]);
  });
});
