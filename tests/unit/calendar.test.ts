import { describe, expect, it } from "vitest";
import { addUsBusinessDays, isUsBusinessDay, losAngelesDate } from "@/lib/order/calendar";
import { POLICIES, addDuration, describeDuration } from "@/lib/order";

const holidays = POLICIES.US.holidays;

describe("US business days (America/Los_Angeles, federal holidays excluded)", () => {
  it("uses the date in Los Angeles, not in UTC", () => {
    // 02:00 UTC on a Saturday is still Friday evening in Los Angeles.
    expect(losAngelesDate(new Date("2026-03-07T02:00:00Z"))).toBe("2026-03-06");
    expect(isUsBusinessDay(new Date("2026-03-07T02:00:00Z"), holidays)).toBe(true);
    expect(isUsBusinessDay(new Date("2026-03-07T20:00:00Z"), holidays)).toBe(false);
  });

  it("skips a weekend: Thursday + 2 business days is Monday", () => {
    expect(addUsBusinessDays(new Date("2026-03-05T18:00:00Z"), 2, holidays).toISOString()).toBe("2026-03-09T18:00:00.000Z");
  });

  it("skips a holiday and a weekend: Wednesday before Thanksgiving + 2 is the Monday after", () => {
    // Thu 2026-11-26 is Thanksgiving; Fri counts; Sat and Sun do not.
    expect(addUsBusinessDays(new Date("2026-11-25T18:00:00Z"), 2, holidays).toISOString()).toBe("2026-11-30T18:00:00.000Z");
  });

  it("counts a Friday start over the weekend: Friday + 1 is Monday", () => {
    expect(addUsBusinessDays(new Date("2026-03-06T18:00:00Z"), 1, holidays).toISOString()).toBe("2026-03-09T18:00:00.000Z");
  });

  it("the global profile counts calendar days", () => {
    const from = new Date("2026-11-25T18:00:00Z");
    expect(addDuration(from, { businessDays: 2 }, POLICIES.GLOBAL).toISOString()).toBe("2026-11-27T18:00:00.000Z");
    expect(addDuration(from, { businessDays: 2 }, POLICIES.US).toISOString()).toBe("2026-11-30T18:00:00.000Z");
  });
});

describe("durations in words, for help text", () => {
  it("names the unit and pluralises it", () => {
    expect(describeDuration({ hours: 1 })).toBe("1 hour");
    expect(describeDuration({ hours: 48 })).toBe("48 hours");
    expect(describeDuration({ days: 7 })).toBe("7 days");
    expect(describeDuration({ businessDays: 5 })).toBe("5 business days");
    expect(describeDuration(POLICIES.US.carrierPickup)).toBe("4 hours");
  });
});
