import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

describe("CSV export", () => {
  it("quotes every cell, doubles quotes, keeps commas and line breaks inside a cell, ends rows with CRLF", () => {
    expect(toCsv([["Order", "Buyer"], ["100101", 'Ava "Ace", Thompson'], ["100102", "two\nlines"], [3, null]])).toBe(
      '"Order","Buyer"\r\n"100101","Ava ""Ace"", Thompson"\r\n"100102","two\nlines"\r\n"3",""\r\n',
    );
  });

  it("never hands a spreadsheet a formula: a cell starting with = + - @ is prefixed with an apostrophe", () => {
    expect(toCsv([["=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "ok"]])).toBe(`"'=HYPERLINK(""http://evil"")","'+1","'-2","'@SUM(A1)","ok"\r\n`);
    // Numbers stay numbers.
    expect(toCsv([[-5]])).toBe('"-5"\r\n');
  });
});
