import { describe, expect, it } from "vitest";
import {
  FINAL_STATUSES,
  ORDER_STATUSES,
  POLICIES,
  ROLES,
  TRANSITIONS,
  availableActions,
  checkTransitionGraph,
  decide,
  reasonKeys,
  reasonsFor,
  type Actor,
  type Command,
  type Decision,
  type OrderState,
  type OrderStatus,
  type Role,
} from "@/lib/order";

const US = POLICIES.US;
const PAID_AT = new Date("2026-03-02T17:00:00Z"); // Monday 09:00 in Los Angeles
const minutes = (n: number) => new Date(PAID_AT.getTime() + n * 60_000);

function order(status: OrderStatus, overrides: Partial<OrderState> = {}): OrderState {
  const paid = status !== "UNPAID";
  return {
    id: "o1",
    code: "1001",
    buyerId: "b1",
    shopId: "s1",
    status,
    policyProfile: "US",
    currency: "USD",
    itemsMinor: 5000,
    shippingFeeMinor: 499,
    totalMinor: 5499,
    paymentMethod: "CARD",
    placedAt: minutes(-2),
    paidAt: paid ? PAID_AT : null,
    remorseEndsAt: paid ? minutes(60) : null,
    ...overrides,
  };
}

const actorFor = (role: Role): Actor => ({ role, id: role === "SYSTEM" ? null : `${role.toLowerCase()}-1` });
const sampleCommand: Record<Command["type"], Command> = {
  PAY: { type: "PAY" },
  BUYER_CANCEL: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" },
  END_REMORSE_WINDOW: { type: "END_REMORSE_WINDOW" },
};
const whenAllowed: Record<Command["type"], Date> = { PAY: minutes(0), BUYER_CANCEL: minutes(10), END_REMORSE_WINDOW: minutes(60) };

function ok(result: ReturnType<typeof decide>): Decision {
  if (!result.ok) throw new Error(`expected a decision, got ${result.error.code}: ${result.error.reason}`);
  return result;
}

describe("the transitions table", () => {
  it("has a sound graph: known statuses, nothing leaves a final status", () => {
    expect(checkTransitionGraph()).toEqual([]);
    expect(checkTransitionGraph({ BAD: { from: ["CANCELLED"], to: "NOWHERE" } })).toEqual(["BAD: unknown status NOWHERE", "BAD: leaves final status CANCELLED"]);
  });

  // Every status × command × role: allowed combinations move to the table's target; the rest are refused with a reason.
  for (const [type, rule] of Object.entries(TRANSITIONS) as [Command["type"], (typeof TRANSITIONS)[Command["type"]]][]) {
    for (const status of ORDER_STATUSES) {
      for (const role of ROLES) {
        const allowed = rule.roles.includes(role) && rule.from.includes(status);
        it(`${type} by ${role} in ${status}: ${allowed ? `→ ${rule.to}` : "refused"}`, () => {
          const result = decide(order(status), sampleCommand[type], actorFor(role), whenAllowed[type], US);
          if (allowed) {
            expect(ok(result).to).toBe(rule.to);
            expect(ok(result).patch.status).toBe(rule.to);
          } else {
            expect(result.ok).toBe(false);
            if (result.ok) return;
            expect(result.error.code).toBe(rule.roles.includes(role) ? "INVALID_TRANSITION" : "FORBIDDEN");
            expect(result.error.reason.length).toBeGreaterThan(10);
          }
        });
      }
    }
  }

  it("every ledger effect balances to zero, and final statuses close every deadline", () => {
    for (const [type, rule] of Object.entries(TRANSITIONS) as [Command["type"], (typeof TRANSITIONS)[Command["type"]]][]) {
      for (const status of rule.from) {
        const decision = ok(decide(order(status), sampleCommand[type], actorFor(rule.roles[0]!), whenAllowed[type], US));
        for (const effect of decision.effects) {
          if (effect.type === "LEDGER") expect(effect.postings.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(0);
        }
        if (FINAL_STATUSES.includes(decision.to)) expect(decision.deadlines).toEqual({ open: [], close: "ALL" });
      }
    }
  });
});

describe("stage 1: the buyer cancels at once (seed case 1)", () => {
  it("ON_HOLD inside the remorse window → CANCELLED with a full refund to the card, restock and the seller notified", () => {
    const decision = ok(decide(order("ON_HOLD"), { type: "BUYER_CANCEL", reasonKey: "bought_by_mistake" }, actorFor("BUYER"), minutes(30), US));
    expect(decision.patch.cancellation).toEqual({ reasonKey: "bought_by_mistake", byRole: "BUYER", byId: "buyer-1", at: minutes(30), fault: "BUYER" });
    const refund = decision.effects.find((e) => e.type === "REFUND");
    expect(refund).toMatchObject({ totalMinor: 5499, itemsMinor: 5000, shippingMinor: 499, destination: "CARD", arrived: false, idempotencyKey: "cancel:o1" });
    // Monday 09:30 LA + 5 business days = next Monday 09:30 LA.
    expect(refund && "expectedArrivalAt" in refund ? refund.expectedArrivalAt.toISOString() : null).toBe("2026-03-09T17:30:00.000Z");
    expect(decision.effects.find((e) => e.type === "LEDGER")).toEqual({
      type: "LEDGER",
      kind: "REFUND",
      currency: "USD",
      postings: [
        { account: "escrow", amountMinor: -5499 },
        { account: "buyer:b1", amountMinor: 5499 },
      ],
    });
    expect(decision.effects.some((e) => e.type === "RESTOCK")).toBe(true);
    expect(decision.effects.filter((e) => e.type === "NOTIFY").map((e) => e.type === "NOTIFY" && e.audience)).toEqual(["BUYER", "SELLER"]);
  });

  it.each([
    ["WALLET", 0, true],
    ["PAYPAL", 3 * 24 * 60, false],
  ] as const)("a %s refund is expected %i minutes later", (paymentMethod, delayMinutes, arrived) => {
    const decision = ok(decide(order("ON_HOLD", { paymentMethod }), sampleCommand.BUYER_CANCEL, actorFor("BUYER"), minutes(30), US));
    const refund = decision.effects.find((e) => e.type === "REFUND");
    expect(refund).toMatchObject({ arrived, expectedArrivalAt: minutes(30 + delayMinutes) });
  });

  it("an UNPAID cancel refunds nothing", () => {
    const decision = ok(decide(order("UNPAID"), sampleCommand.BUYER_CANCEL, actorFor("BUYER"), minutes(0), US));
    expect(decision.effects.map((e) => e.type)).toEqual(["RESTOCK", "NOTIFY"]);
  });

  it("at the end of the remorse hour the instant cancel closes, even if the timer has not run yet", () => {
    const result = decide(order("ON_HOLD"), sampleCommand.BUYER_CANCEL, actorFor("BUYER"), minutes(60), US);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
  });

  it("refuses reasons outside the buyer list or outside their statuses", () => {
    expect(decide(order("ON_HOLD"), { type: "BUYER_CANCEL", reasonKey: "pricing_error" }, actorFor("BUYER"), minutes(1), US)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "reasonKey" },
    });
    expect(decide(order("ON_HOLD"), { type: "BUYER_CANCEL", reasonKey: "not_shipped_on_time" }, actorFor("BUYER"), minutes(1), US)).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", field: "reasonKey" },
    });
  });

  it("every buyer reason valid in ON_HOLD is accepted", () => {
    for (const reason of reasonsFor("BUYER_CANCEL", "ON_HOLD")) {
      expect(decide(order("ON_HOLD"), { type: "BUYER_CANCEL", reasonKey: reason.key }, actorFor("BUYER"), minutes(1), US).ok).toBe(true);
    }
    expect(reasonKeys("BUYER_CANCEL")).toContain("other");
  });
});

describe("the remorse window", () => {
  it("PAY opens a 1-hour window and moves the money into escrow", () => {
    const decision = ok(decide(order("UNPAID"), { type: "PAY" }, actorFor("BUYER"), PAID_AT, US));
    expect(decision.patch).toMatchObject({ status: "ON_HOLD", paidAt: PAID_AT, remorseEndsAt: minutes(60) });
    expect(decision.deadlines).toEqual({ open: [{ kind: "REMORSE_WINDOW", dueAt: minutes(60) }], close: ["PAYMENT"] });
  });

  it("END_REMORSE_WINDOW is refused before the hour is up", () => {
    expect(decide(order("ON_HOLD"), { type: "END_REMORSE_WINDOW" }, actorFor("SYSTEM"), minutes(59), US)).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
  });

  it("US: dispatch deadlines count 2 and 7 business days from the end of ON_HOLD, even when the timer runs late", () => {
    const decision = ok(decide(order("ON_HOLD"), { type: "END_REMORSE_WINDOW" }, actorFor("SYSTEM"), minutes(300), US));
    expect(decision.deadlines.open).toEqual([
      { kind: "DISPATCH", dueAt: new Date("2026-03-04T18:00:00Z") },
      { kind: "DISPATCH_AUTO_CANCEL", dueAt: new Date("2026-03-11T18:00:00Z") },
    ]);
  });

  it("global: the same deadlines in calendar days", () => {
    const decision = ok(decide(order("ON_HOLD", { remorseEndsAt: new Date("2026-03-06T18:00:00Z") }), { type: "END_REMORSE_WINDOW" }, actorFor("SYSTEM"), new Date("2026-03-06T18:00:00Z"), POLICIES.GLOBAL));
    expect(decision.deadlines.open.map((d) => d.dueAt.toISOString())).toEqual(["2026-03-08T18:00:00.000Z", "2026-03-13T18:00:00.000Z"]);
  });
});

describe("availableActions", () => {
  it("offers the buyer an open cancel in ON_HOLD", () => {
    expect(availableActions(order("ON_HOLD"), actorFor("BUYER"), minutes(5), US)).toContainEqual({ command: "BUYER_CANCEL", label: "Cancel order", enabled: true, relevant: true });
  });

  it("explains why cancel is closed once shipped, with what to do instead", () => {
    const cancel = availableActions(order("IN_TRANSIT"), actorFor("BUYER"), minutes(5), US).find((a) => a.command === "BUYER_CANCEL");
    expect(cancel).toEqual({
      command: "BUYER_CANCEL",
      label: "Cancel order",
      enabled: false,
      relevant: true,
      reason: "Cancel is no longer available: the parcel has shipped. You can refuse it, or request a return after delivery.",
    });
  });

  it("does not offer Pay on a paid order, and offers system commands to nobody else", () => {
    const actions = availableActions(order("ON_HOLD"), actorFor("BUYER"), minutes(5), US);
    expect(actions.find((a) => a.command === "PAY")?.relevant).toBe(false);
    expect(availableActions(order("ON_HOLD"), actorFor("SELLER"), minutes(5), US).map((a) => a.command)).not.toContain("END_REMORSE_WINDOW");
  });
});
