import { inEnglish } from "../support/order-state";
import { describe, expect, it } from "vitest";
import { OPEN_WORK, POLICIES, isOpenWorkKind, openWorkLine, supportTarget } from "@/lib/order";

describe("what is still open on an order, in one line", () => {
  it("names a dispute before the case it is about, and a case before an old cancel request", () => {
    expect(inEnglish(openWorkLine({ cancelRequestStatus: "REJECTED", liveCase: { type: "RETURN_AND_REFUND", status: "ESCALATED" }, liveDisputeStatus: "OPEN" }))).toBe(
      "Dispute: Open: waiting for platform support",
    );
    expect(inEnglish(openWorkLine({ cancelRequestStatus: "REJECTED", liveCase: { type: "REFUND_ONLY", status: "OFFERED" }, liveDisputeStatus: null }))).toBe(
      "Refund only (keep the item): Partial refund offered, waiting for the buyer",
    );
    expect(inEnglish(openWorkLine({ cancelRequestStatus: null, liveCase: { type: "REFUSED_PARCEL", status: "PARCEL_RETURNING" }, liveDisputeStatus: null }))).toBe(
      "Refused parcel on its way back to the seller",
    );
    expect(inEnglish(openWorkLine({ cancelRequestStatus: "PENDING", liveCase: null, liveDisputeStatus: null }))).toBe("Cancel request: Waiting for the seller");
  });

  it("says nothing when every request is settled", () => {
    for (const status of ["APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"] as const) {
      expect(inEnglish(openWorkLine({ cancelRequestStatus: status, liveCase: null, liveDisputeStatus: null }))).toBeNull();
    }
    expect(inEnglish(openWorkLine({ cancelRequestStatus: null, liveCase: null, liveDisputeStatus: null }))).toBeNull();
  });

  it("counts only unsettled statuses as open, and knows its filter values", () => {
    expect(OPEN_WORK.CASE.statuses).not.toContain("REFUNDED");
    expect(OPEN_WORK.CASE.statuses).not.toContain("CLOSED");
    expect(OPEN_WORK.CASE.statuses).toContain("AWAITING_INSPECTION");
    expect(OPEN_WORK.DISPUTE.statuses).toEqual(["OPEN", "APPEALED"]);
    expect(isOpenWorkKind("DISPUTE")).toBe(true);
    expect(isOpenWorkKind("dispute")).toBe(false);
  });
});

describe("support's target for a decision (shown in the queue; no timer acts on it)", () => {
  const decideBy = new Date("2026-03-04T17:00:00Z");
  const appealedAt = new Date("2026-03-10T09:00:00Z");
  it("is the dispute's decide-by while it is open, and 48 hours after an appeal while that waits", () => {
    expect(supportTarget({ status: "OPEN", decideBy, appealedAt: null }, POLICIES.US)).toEqual(decideBy);
    expect(supportTarget({ status: "APPEALED", decideBy, appealedAt }, POLICIES.US)).toEqual(new Date("2026-03-12T09:00:00Z"));
    expect(supportTarget({ status: "APPEALED", decideBy, appealedAt }, POLICIES.GLOBAL)).toEqual(new Date("2026-03-12T09:00:00Z"));
  });
  it("is nothing once support has decided (an appeal window waits for the seller, not support)", () => {
    for (const status of ["DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER", "APPEAL_UPHELD", "APPEAL_OVERTURNED", "CLOSED"] as const) {
      expect(supportTarget({ status, decideBy, appealedAt }, POLICIES.US)).toBeNull();
    }
    expect(supportTarget({ status: "APPEALED", decideBy, appealedAt: null }, POLICIES.US)).toBeNull();
  });
});
