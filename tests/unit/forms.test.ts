/**
 * What every server action reads (issue 15, findings 3, 4 and 9): only a real form, each field once,
 * a version of digits only, and text with something visible in it.
 */
import { inEnglish } from "../support/order-state";
import { describe, expect, it } from "vitest";
import { OUT_OF_DATE, optionalText, readForm, versionField, visibleText } from "@/lib/forms";
import { cleanText, visibleLength } from "@/lib/text";

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("readForm", () => {
  it("reads a form's text fields, leaves empty ones out, and collects files of the fields allowed to repeat", () => {
    const photo = new File([new Uint8Array([1, 2, 3])], "a.png", { type: "image/png" });
    const empty = new File([], "", { type: "application/octet-stream" });
    expect(readForm(form([["intent", "PAY"], ["note", ""], ["photos", photo], ["photos", empty]]), { multi: ["photos"] })).toEqual({
      ok: true,
      fields: { intent: "PAY" },
      files: { photos: [photo] },
      lists: {},
    });
  });

  it("collects the values of a field allowed to repeat (a list's checkboxes) in order", () => {
    expect(inEnglish(readForm(form([["order", "a:1"], ["intent", "X"], ["order", "b:2"]]), { multi: ["order"] }))).toMatchObject({ ok: true, fields: { intent: "X" }, lists: { order: ["a:1", "b:2"] } });
  });

  it("refuses what is not a form: a string, a plain object, an array, nothing", () => {
    for (const input of ["intent=PAY", { intent: "PAY" }, [["intent", "PAY"]], null, undefined, 42]) {
      expect(readForm(input)).toEqual({ ok: false, message: OUT_OF_DATE });
    }
  });

  it("refuses a field sent twice rather than taking the last value, and a file where text was expected", () => {
    expect(readForm(form([["version", "3"], ["version", "4"]]))).toEqual({ ok: false, message: OUT_OF_DATE });
    expect(readForm(form([["statement", new File(["x"], "x.txt")]]))).toEqual({ ok: false, message: OUT_OF_DATE });
  });
});

describe("versionField", () => {
  it("takes digits only: spaces, signs, decimals and exponents are not a version", () => {
    expect(versionField.parse("0")).toBe(0);
    expect(versionField.parse("17")).toBe(17);
    for (const bad of ["", " ", "   ", " 3", "-1", "1.5", "1e3", "0x10", "NaN", "9999999999"]) expect(versionField.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe("visible text", () => {
  const statement = visibleText({ required: "Write the statement.", tooLong: "Too long." }, 20);

  it("refuses text with nothing visible: NUL and other control characters, zero-width spaces, bidi marks, blank letters", () => {
    for (const invisible of ["\u0000\u0000\u0000", "\u200B\u200B", "\u200D\u2060\uFEFF", "\u202E\u202D", " \t\n ", "\u3164\u2800", "\u0007\u001B"]) {
      expect(statement.safeParse(invisible).success, JSON.stringify(invisible)).toBe(false);
      expect(visibleLength(invisible)).toBe(0);
    }
  });

  it("keeps what is visible, cleaned: NFC, invisible characters removed, line ends as \\n, trimmed", () => {
    expect(statement.parse("  Cafe\u0301 \u200Bok\r\nthanks\u0000 ")).toBe("Café ok\nthanks");
    expect(cleanText("a\tb")).toBe("a\tb");
    expect(visibleLength("Hi, 你好 👋")).toBe(6);
  });

  it("counts length after cleaning, and refuses what is still too long", () => {
    expect(statement.safeParse("x".repeat(20) + "\u200B".repeat(50)).success).toBe(true);
    expect(statement.safeParse("x".repeat(21))).toMatchObject({ success: false, error: { issues: [{ message: "Too long." }] } });
  });

  it("an optional field of invisible characters reads as empty", () => {
    const description = optionalText("Too long.", 10);
    expect(description.parse(undefined)).toBe("");
    expect(description.parse("\u200B\u0000")).toBe("");
    expect(description.parse(" ok ")).toBe("ok");
  });
});
