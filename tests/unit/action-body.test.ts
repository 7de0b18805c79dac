/**
 * Issue 26: what a server action's body may look like before Next decodes it (lib/action-body.ts).
 * What the app's forms send passes; what made React's decoder answer 500 is refused.
 */
import { describe, expect, it } from "vitest";
import { MAX_ARGUMENT_DEPTH, actionBodyProblem, argumentsProblem } from "@/lib/action-body";

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("server action bodies", () => {
  it("what the app's forms send passes: a previous state and a FormData, escaped strings, undefined, dates", () => {
    expect(argumentsProblem(JSON.stringify([null, "$K1"]))).toBeNull();
    expect(argumentsProblem(JSON.stringify([{ ok: false, message: "Check", fieldErrors: { name: ["x"] }, values: { name: "$$5 off" } }, "$K1"]))).toBeNull();
    expect(argumentsProblem(JSON.stringify(["$undefined", "$D2026-12-04T15:00:00.000Z", "$n12", "$NaN", "$-0"]))).toBeNull();
    expect(actionBodyProblem({ kind: "multipart", isAction: true, form: form([["1_orderId", "o1"], ["1_photos", new File(["x"], "crack.png")], ["0", '[null,"$K1"]']]) })).toBeNull();
    // A form posted without script (no Next-Action header) has no root field.
    expect(actionBodyProblem({ kind: "multipart", isAction: false, form: form([["$ACTION_ID_ab", ""], ["userId", "buyer-ava"]]) })).toBeNull();
  });

  it("refuses what React's decoder failed on: not an array, not JSON, too deep, references the forms never send", () => {
    for (const text of ['{"a":1}', "not json", "", "[".repeat(20_000) + "]".repeat(20_000), '["$h1"]', '["$F1"]', '["$@1"]', '["$T"]', '[{"a":"$Q2"}]', '["$B1"]']) {
      expect(argumentsProblem(text), text.slice(0, 20)).toMatch(/could not be read/);
    }
    const atLimit = JSON.stringify([[[["ok"]]]]);
    expect(argumentsProblem(atLimit)).toBeNull();
    expect(argumentsProblem("[".repeat(MAX_ARGUMENT_DEPTH + 1) + "]".repeat(MAX_ARGUMENT_DEPTH + 1))).not.toBeNull();
  });

  it("refuses a multipart body that did not parse, without its root field, or with a file name no browser sends", () => {
    expect(actionBodyProblem({ kind: "multipart", isAction: true, form: null })).toMatch(/could not be read/);
    expect(actionBodyProblem({ kind: "multipart", isAction: true, form: form([["1_userId", "buyer-ava"]]) })).toMatch(/could not be read/);
    expect(actionBodyProblem({ kind: "multipart", isAction: true, form: form([["0", "not json"]]) })).toMatch(/could not be read/);
    for (const name of ["a\u0000b.png", "a\r\nb.png", "tab\t.png"]) {
      expect(actionBodyProblem({ kind: "multipart", isAction: false, form: form([["photos", new File(["x"], name)]]) })).toMatch(/file name/);
    }
    // A text body is only checked for a call from script.
    expect(actionBodyProblem({ kind: "text", isAction: false, text: "anything" })).toBeNull();
  });
});
