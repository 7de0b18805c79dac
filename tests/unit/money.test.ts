import { describe, expect, it } from "vitest";
import { assertMinorUnits, formatMoney, sumMinor } from "@/lib/money";

describe("money", () => {
  it.each([
    [0, "$0.00"],
    [5, "$0.05"],
    [10599, "$105.99"],
    [123456789, "$1,234,567.89"],
    [-1200, "-$12.00"],
  ])("formats %i minor units as %s", (minor, text) => {
    expect(formatMoney(minor, "USD")).toBe(text);
  });

  it("refuses fractions of a minor unit", () => {
    expect(() => assertMinorUnits(10.5)).toThrow(RangeError);
    expect(() => formatMoney(0.1, "USD")).toThrow(RangeError);
    expect(() => sumMinor([1, 2.5])).toThrow(RangeError);
  });

  it("sums integers exactly", () => {
    expect(sumMinor([10, 20, -5])).toBe(25);
  });
});
