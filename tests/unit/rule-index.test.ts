import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_TYPES, RULES_SECTIONS, RULE_INDEX } from "@/lib/order";

const root = resolve(import.meta.dirname, "../..");

describe("the rule index", () => {
  it("names every rule once", () => {
    expect(new Set(RULE_INDEX.map((rule) => rule.id)).size).toBe(RULE_INDEX.length);
  });

  it.each(RULE_INDEX.map((rule) => [rule.id, rule] as const))("%s is covered by a test that exists", (_, rule) => {
    const text = readFileSync(resolve(root, rule.test.file), "utf8");
    expect(text, `${rule.test.file} has no test titled like "${rule.test.title}"`).toContain(rule.test.title);
    expect(rule.sentence.length).toBeGreaterThan(20);
    expect(Object.keys(RULES_SECTIONS)).toContain(rule.source.section);
  });

  it("every command of the transitions table belongs to some rule", () => {
    const covered = new Set(RULE_INDEX.flatMap((rule) => rule.commands));
    expect(COMMAND_TYPES.filter((type) => !covered.has(type))).toEqual([]);
  });
});
