/** docs/rules.md is generated from the engine and must match it: a changed rule, deadline or reason without `npm run docs:rules` fails here. */
import { say } from "../support/order-state";
import { english } from "@/lib/i18n/translator";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICIES, RULES_SECTIONS, RULE_INDEX, describeDuration, renderRulesReference } from "@/lib/order";

const file = resolve(import.meta.dirname, "../../docs/rules.md");

describe("the rules reference", () => {
  const rendered = renderRulesReference(english().render);

  it("docs/rules.md is up to date (run `npm run docs:rules` after changing the rules)", () => {
    expect(readFileSync(file, "utf8")).toBe(rendered);
  });

  it("has every section a rule can cite, and lists every rule", () => {
    for (const section of Object.keys(RULES_SECTIONS)) expect(rendered).toContain(`<a id="${section}"></a>`);
    for (const rule of RULE_INDEX) expect(rendered).toContain(`**${rule.id}** ${rule.sentence}`);
  });

  it("shows the US and global durations side by side, from the profiles", () => {
    const row = rendered.split("\n").find((line) => line.startsWith("| `RETURN_WINDOW` |"))!;
    expect(row).toContain(`| ${say(describeDuration(POLICIES.US.returnWindow))} | ${say(describeDuration(POLICIES.GLOBAL.returnWindow))} |`);
  });
});
