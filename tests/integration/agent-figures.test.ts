/**
 * Support's figures (issue 17, point 5) with known numbers: two agents, three disputes and an appeal,
 * read on a known day and again 8 days later; only support sees them. And a case as a record (point
 * 6): both statements, the decision, the appeal and the timeline, for support only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Command } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { runOrderCommand, type CommandActor } from "@/lib/server/orders/run-order-command";
import { agentFigures } from "@/lib/server/support/agent-figures";
import { caseRecord } from "@/lib/server/support/case-record";
import { T0, buyerAva, createOrder, createWorld, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pat: SessionUser = { id: "t-support-pat", role: "SUPPORT", name: "Pat Support", shopId: null, shopName: null };

async function run(who: CommandActor, orderId: string, command: Command, at: Date) {
  const { version } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true } });
  const result = await runOrderCommand(db, who, { orderId, expectedVersion: version, command }, at);
  if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
}

/** A refund request the seller rejects and the buyer escalates at `escalatedAt`; returns the order and its dispute. */
async function dispute(escalatedAt: Date): Promise<{ orderId: string; disputeId: string }> {
  const order = await createOrder(db, { status: "DELIVERED", placedAt: new Date(T0.getTime() - 12 * DAY) });
  await run(buyerAva, order.id, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Nothing came.", photoCount: 0 }, new Date(escalatedAt.getTime() - 2 * HOUR));
  await run(sellerUs, order.id, { type: "REJECT_RETURN", reasonKey: "delivered_per_tracking" }, new Date(escalatedAt.getTime() - HOUR));
  await run(buyerAva, order.id, { type: "ESCALATE", subject: "CASE", statement: "The parcel never came.", photoCount: 0 }, escalatedAt);
  const { id } = await db.dispute.findFirstOrThrow({ where: { orderId: order.id } });
  return { orderId: order.id, disputeId: id };
}

const decide = (outcome: "BUYER" | "SELLER", disputeId: string): Command => ({ type: "DECIDE_DISPUTE", disputeId, outcome, amountMinor: null, returnRequired: false, rationale: "Decided on the tracking and the photos." });

let appealed = "";

beforeAll(async () => {
  await createWorld(db);
  await db.user.create({ data: { id: pat.id, role: "SUPPORT", name: pat.name, blurb: "test persona", createdAt: T0 } });
  const escalated = new Date(T0.getTime() - 2 * DAY);
  // Sue decides the first for the buyer after 2 h; the seller appeals; Pat overturns it 1 h after the appeal.
  const first = await dispute(escalated);
  appealed = first.disputeId;
  await run(sellerUs, first.orderId, { type: "ADD_DISPUTE_STATEMENT", disputeId: first.disputeId, statement: "Our tracking shows it delivered.", photoCount: 0 }, new Date(escalated.getTime() + HOUR));
  await run(supportAgent, first.orderId, decide("BUYER", first.disputeId), new Date(escalated.getTime() + 2 * HOUR));
  await run(sellerUs, first.orderId, { type: "APPEAL_DECISION", disputeId: first.disputeId, statement: "Tracking shows the parcel was delivered." }, new Date(escalated.getTime() + 3 * HOUR));
  await run(pat, first.orderId, { type: "DECIDE_APPEAL", disputeId: first.disputeId, outcome: "OVERTURN", rationale: "The carrier's proof of delivery is clear." }, new Date(escalated.getTime() + 4 * HOUR));
  // Sue decides the second for the seller after 4 h; Pat the third for the buyer after 6 h.
  const second = await dispute(escalated);
  await run(supportAgent, second.orderId, decide("SELLER", second.disputeId), new Date(escalated.getTime() + 4 * HOUR));
  const third = await dispute(escalated);
  await run(pat, third.orderId, decide("BUYER", third.disputeId), new Date(escalated.getTime() + 6 * HOUR));
}, 60_000);

describe("support's figures", () => {
  it("per agent and for the team: cases decided, the median time to a decision, the share overturned on appeal", async () => {
    const figures = await agentFigures(supportAgent, T0);
    const week = figures!.windows.find((w) => w.days === 7)!;
    const sue = week.agents.find((a) => a.agentId === supportAgent.id)!;
    const patRow = week.agents.find((a) => a.agentId === pat.id)!;
    expect(sue).toMatchObject({ name: supportAgent.name, decided: 2, medianMs: 3 * HOUR, firstDecisions: 2, overturned: 1 });
    // Pat: a first decision after 6 h and an appeal decided 1 h after it was made.
    expect(patRow).toMatchObject({ name: pat.name, decided: 2, medianMs: 3.5 * HOUR, firstDecisions: 1, overturned: 0 });
    expect(week.team).toMatchObject({ decided: 4, medianMs: 3 * HOUR, firstDecisions: 3, overturned: 1 });
    expect(figures!.daily.reduce((sum, d) => sum + d.decided, 0)).toBe(4);
  });

  it("the windows follow the app clock: 8 days later the 7-day figures are empty, the 30-day ones keep everything", async () => {
    const later = await agentFigures(supportAgent, new Date(T0.getTime() + 8 * DAY));
    expect(later!.windows.find((w) => w.days === 7)!.team).toMatchObject({ decided: 0, medianMs: null });
    expect(later!.windows.find((w) => w.days === 30)!.team).toMatchObject({ decided: 4, overturned: 1 });
  });

  it("only support sees them", async () => {
    expect(await agentFigures(buyerAva, T0)).toBeNull();
    expect(await agentFigures(sellerUs, T0)).toBeNull();
  });

  it("a case as a record: both statements, the decision with its rationale and agent, the appeal and the timeline; support only", async () => {
    const record = await caseRecord(supportAgent, appealed, T0);
    expect(record!.dispute.statements.map((s) => [s.party, s.text])).toEqual([
      ["Buyer", "The parcel never came."],
      ["Seller", "Our tracking shows it delivered."],
    ]);
    expect(record!.dispute.decision).toMatchObject({ outcome: "BUYER", rationale: "Decided on the tracking and the photos.", decidedBy: supportAgent.name });
    expect(record!.dispute.appeal).toMatchObject({ statement: "Tracking shows the parcel was delivered.", outcome: "OVERTURNED", decidedBy: pat.name });
    expect(record!.timeline.map((t) => t.summary).join(" ")).toContain("appeal");
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    // Nobody else gets it: not the buyer, not the seller, not an unknown id.
    expect(await caseRecord(buyerAva, appealed, T0)).toBeNull();
    expect(await caseRecord(sellerUs, appealed, T0)).toBeNull();
    expect(await caseRecord(supportAgent, "nope", T0)).toBeNull();
    expect(await caseRecord({ ...supportAgent, worldId: "elsewhere" }, appealed, T0)).toBeNull();
  });
});
