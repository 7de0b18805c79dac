import { inEnglish } from "../support/order-state";
import { describe, expect, it } from "vitest";
import { US_FEDERAL_HOLIDAYS, addUsBusinessDays, isUsBusinessDate, losAngelesDate, losAngelesTime, usFederalHolidays } from "@/lib/order/calendar";
import { POLICIES, addDuration, cutoffAfterOrderDate, describeDuration, orderDate } from "@/lib/order";

const holidays = POLICIES.US.holidays;

describe("US business days (America/Los_Angeles dates, federal holidays excluded)", () => {
  it("uses the date in Los Angeles, not in UTC", () => {
    // 02:00 UTC on a Saturday is still Friday evening in Los Angeles.
    expect(losAngelesDate(new Date("2026-03-07T02:00:00Z"))).toBe("2026-03-06");
    expect(isUsBusinessDate(losAngelesDate(new Date("2026-03-07T02:00:00Z")), holidays)).toBe(true);
    expect(isUsBusinessDate(losAngelesDate(new Date("2026-03-07T20:00:00Z")), holidays)).toBe(false);
  });

  it("skips a weekend: Thursday + 2 business days is Monday, at the same Los Angeles time", () => {
    // 10:00 PST on Thursday 5 March; clocks go forward on Sunday 8 March: 10:00 PDT on Monday.
    expect(addUsBusinessDays(new Date("2026-03-05T18:00:00Z"), 2, holidays).toISOString()).toBe("2026-03-09T17:00:00.000Z");
  });

  it("skips a holiday and a weekend: Wednesday before Thanksgiving + 2 is the Monday after", () => {
    // Thu 2026-11-26 is Thanksgiving; Fri counts; Sat and Sun do not.
    expect(addUsBusinessDays(new Date("2026-11-25T18:00:00Z"), 2, holidays).toISOString()).toBe("2026-11-30T18:00:00.000Z");
  });

  it("the global profile counts calendar days", () => {
    const from = new Date("2026-11-25T18:00:00Z");
    expect(addDuration(from, { businessDays: 2 }, POLICIES.GLOBAL).toISOString()).toBe("2026-11-27T18:00:00.000Z");
    expect(addDuration(from, { businessDays: 2 }, POLICIES.US).toISOString()).toBe("2026-11-30T18:00:00.000Z");
  });
});

describe("rule: daylight-saving changes never move a deadline's date (DOMAIN: Deadlines)", () => {
  const cases: [string, string, number, string][] = [
    // [from (UTC), what it is in LA, business days, expected (UTC)]
    ["2026-03-07T07:30:00Z", "Fri 6 Mar 2026 23:30 PST", 2, "2026-03-11T06:30:00.000Z"], // Tue 10 Mar 23:30 PDT
    ["2026-10-31T06:30:00Z", "Fri 30 Oct 2026 23:30 PDT", 2, "2026-11-04T07:30:00.000Z"], // Tue 3 Nov 23:30 PST
    ["2027-03-13T07:30:00Z", "Fri 12 Mar 2027 23:30 PST", 2, "2027-03-17T06:30:00.000Z"], // Tue 16 Mar 23:30 PDT
    ["2027-11-06T06:30:00Z", "Fri 5 Nov 2027 23:30 PDT", 1, "2027-11-09T07:30:00.000Z"], // Mon 8 Nov 23:30 PST (Thu 11 Nov is Veterans Day)
  ];
  it.each(cases)("%s (%s) + %i business days keeps the Los Angeles date and time", (from, _la, days, expected) => {
    const due = addUsBusinessDays(new Date(from), days, holidays);
    expect(due.toISOString()).toBe(expected);
    expect(new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(due)).toBe("23:30");
  });

  it("Thanksgiving and Christmas weeks of 2026 and 2027", () => {
    // Wed 25 Nov 2026 + 1 → Fri 27 Nov (Thanksgiving skipped); Wed 23 Dec 2026 + 2 → Mon 28 Dec (Christmas Fri 25).
    expect(losAngelesDate(addUsBusinessDays(new Date("2026-11-25T20:00:00Z"), 1, holidays))).toBe("2026-11-27");
    expect(losAngelesDate(addUsBusinessDays(new Date("2026-12-23T20:00:00Z"), 2, holidays))).toBe("2026-12-28");
    // 2027: Thanksgiving Thu 25 Nov; Christmas Sat 25 Dec observed Fri 24 Dec; New Year 2028 Sat observed Fri 31 Dec.
    expect(losAngelesDate(addUsBusinessDays(new Date("2027-11-24T20:00:00Z"), 1, holidays))).toBe("2027-11-26");
    expect(losAngelesDate(addUsBusinessDays(new Date("2027-12-23T20:00:00Z"), 1, holidays))).toBe("2027-12-27");
    expect(losAngelesDate(addUsBusinessDays(new Date("2027-12-30T20:00:00Z"), 1, holidays))).toBe("2028-01-03");
  });

  it("a wall-clock time skipped by the spring change lands an hour later, as clocks do", () => {
    expect(losAngelesTime("2026-03-08", 2, 30).toISOString()).toBe("2026-03-08T10:30:00.000Z");
    expect(losAngelesTime("2026-03-08", 23, 59).toISOString()).toBe("2026-03-09T06:59:00.000Z");
    expect(losAngelesTime("2026-11-01", 23, 59).toISOString()).toBe("2026-11-02T07:59:00.000Z");
  });
});

describe("rule: US federal holidays are computed for any year (5 U.S.C. 6103, weekend observance)", () => {
  it("2026 and 2027 match the published observed dates", () => {
    expect(usFederalHolidays(2026)).toEqual([
      "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
      "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
    ]);
    expect(usFederalHolidays(2027)).toEqual([
      "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
      "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31",
    ]);
  });

  it("years the old list did not cover", () => {
    // 2028: New Year's Day falls on a Saturday and was observed in 2027, so 2028 has no 1 January holiday.
    expect(usFederalHolidays(2028)).not.toContain("2028-01-01");
    expect(US_FEDERAL_HOLIDAYS.has("2028-11-23")).toBe(true); // Thanksgiving
    expect(US_FEDERAL_HOLIDAYS.has("2030-05-27")).toBe(true); // Memorial Day, last Monday of May
    expect(US_FEDERAL_HOLIDAYS.has("2033-07-04")).toBe(true);
    expect(US_FEDERAL_HOLIDAYS.has("2032-07-05")).toBe(true); // 4 July 2032 is a Sunday
    expect(US_FEDERAL_HOLIDAYS.has("2032-07-04")).toBe(false);
  });
});

describe("rule: dispatch cut-offs count from the order date (DOMAIN: Deadlines)", () => {
  it("US: 23:59 Los Angeles time on the 2nd and 7th business day after the date of payment", () => {
    // Paid Friday 6 March 2026 at 21:00 PST (Saturday 05:00 UTC): the order date is Friday in Los Angeles.
    const paidAt = new Date("2026-03-07T05:00:00Z");
    expect(orderDate(paidAt, POLICIES.US)).toBe("2026-03-06");
    expect(cutoffAfterOrderDate(paidAt, POLICIES.US.dispatchDeadline, POLICIES.US).toISOString()).toBe("2026-03-11T06:59:00.000Z"); // Tue 10 Mar 23:59 PDT
    expect(cutoffAfterOrderDate(paidAt, POLICIES.US.dispatchAutoCancel, POLICIES.US).toISOString()).toBe("2026-03-18T06:59:00.000Z"); // Tue 17 Mar 23:59 PDT
  });

  it("global: 23:59 UTC on the 2nd and 7th calendar day after the date of payment", () => {
    const paidAt = new Date("2026-03-07T05:00:00Z");
    expect(orderDate(paidAt, POLICIES.GLOBAL)).toBe("2026-03-07");
    expect(cutoffAfterOrderDate(paidAt, POLICIES.GLOBAL.dispatchDeadline, POLICIES.GLOBAL).toISOString()).toBe("2026-03-09T23:59:00.000Z");
    expect(cutoffAfterOrderDate(paidAt, POLICIES.GLOBAL.dispatchAutoCancel, POLICIES.GLOBAL).toISOString()).toBe("2026-03-14T23:59:00.000Z");
  });
});

describe("durations in words, for help text", () => {
  it("names the unit and pluralises it", () => {
    expect(inEnglish(describeDuration({ hours: 1 }))).toBe("1 hour");
    expect(inEnglish(describeDuration({ hours: 48 }))).toBe("48 hours");
    expect(inEnglish(describeDuration({ days: 7 }))).toBe("7 days");
    expect(inEnglish(describeDuration({ businessDays: 5 }))).toBe("5 business days");
    expect(inEnglish(describeDuration(POLICIES.US.carrierPickup))).toBe("4 hours");
  });
});
