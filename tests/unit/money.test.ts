import { describe, expect, it } from "vitest";
import { assertMinorUnits, formatMoney, parseMoneyInput, sumMinor } from "@/lib/money";

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

describe("reading typed amounts", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["$1,234.56", 123456],
    ["0.01", 1],
    [" 7 ", 700],
  ])("%s is %i minor units", (text, minor) => {
    expect(parseMoneyInput(text)).toBe(minor);
  });

  it.each(["", "abc", "12.345", "-5", "1e3", "12,5"])("%j is not an amount", (text) => {
    expect(parseMoneyInput(text)).toBeNull();
  });
});
