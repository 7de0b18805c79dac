/**
 * The fuzz corpus per command (issue 15): every command a person can send, at every status, by every
 * role, with each of its fields replaced by hostile values (control and zero-width characters, huge
 * strings, markup, negative, fractional and non-finite numbers, null, objects, arrays). The engine
 * never throws: it decides or refuses with a code and a sentence. The count is printed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, PERSON_COMMAND_TYPES, POLICIES, decide, type Command } from "@/lib/order";
import { COMMANDS } from "../support/commands";
import { DAY, at, buyer, order, seller, support, say } from "../support/order-state";

const hostile = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "\u200B".repeat(50), "\u202E", "<script>alert(1)</script>", "x".repeat(100_000), "'; DROP TABLE \"Order\"; --", "../../etc/passwd", "NaN", "1e309", "-0"),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(-1, 0, 0.5, -0.01, 1e15, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer(),
  fc.constantFrom(null, undefined, true, false),
  fc.anything({ maxDepth: 2 }),
);

describe("every command, fuzzed", () => {
  it("the engine decides or refuses, never throws, whatever the fields hold", () => {
    let attempts = 0;
    const states = ORDER_STATUSES.map((status) => order(status));
    const now = at(2 * DAY);
    for (const type of PERSON_COMMAND_TYPES) {
      const template = COMMANDS[type]("o1") as Record<string, unknown>;
      const fields = Object.keys(template).filter((key) => key !== "type");
      fc.assert(
        fc.property(fc.constantFrom(...states), fc.constantFrom(buyer, seller, support), fc.constantFrom(...(fields.length ? fields : ["type"])), hostile, (state, actor, field, value) => {
          attempts += 1;
          const command = (field === "type" ? { type } : { ...template, [field]: value }) as Command;
          const result = decide(state, command, actor, now, POLICIES.US);
          if (!result.ok) {
            expect(["FORBIDDEN", "INVALID_TRANSITION", "VALIDATION"]).toContain(result.error.code);
            expect(typeof result.error.reason).toBe("object");
            expect(say(result.error.reason).length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 1500, seed: 15 },
      );
    }
    console.log(`command fuzz: ${attempts} hostile commands (${PERSON_COMMAND_TYPES.length} commands × statuses × roles × fields), 0 thrown`);
  }, 60_000);
});
