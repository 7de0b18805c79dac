/**
 * docs/rules.md (and its translations) is generated from the engine and must match it: a changed
 * rule, deadline or reason without `npm run docs:rules` fails here.
 */
import { say } from "../support/order-state";
import { LOCALES } from "@/lib/i18n/locales";
import { RULES_DOCUMENTS, ruleSentence, rulesReference } from "@/lib/i18n/rules";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { POLICIES, RULES_SECTIONS, RULE_INDEX, describeDuration } from "@/lib/order";
import { i18nFor } from "@/lib/i18n/translator";

const file = (locale: (typeof LOCALES)[number]) => resolve(import.meta.dirname, "../../docs", RULES_DOCUMENTS[locale]);

describe("the rules reference", () => {
  const rendered = rulesReference("en");

  for (const locale of LOCALES) {
    it(`docs/${RULES_DOCUMENTS[locale]} is up to date (run \`npm run docs:rules\` after changing the rules)`, () => {
      expect(readFileSync(file(locale), "utf8")).toBe(rulesReference(locale));
    });
  }

  it("English rule sentences in the catalogue are the index's own (a translator reads them there)", () => {
    const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../messages/en.json"), "utf8")).rules as Record<string, string>;
    expect(catalogue).toEqual(Object.fromEntries(RULE_INDEX.map((rule) => [rule.id, rule.sentence])));
  });

  it("the Chinese reference has every rule in Chinese, with the US and global durations in Chinese", () => {
    const chinese = rulesReference("zh-Hant");
    for (const rule of RULE_INDEX) expect(chinese).toContain(`**${rule.id}** ${ruleSentence(rule, "zh-Hant")}`);
    expect(RULE_INDEX.filter((rule) => ruleSentence(rule, "zh-Hant") === rule.sentence).map((rule) => rule.id)).toEqual([]);
    const row = chinese.split("\n").find((line) => line.startsWith("| `RETURN_WINDOW` |"))!;
    const zh = i18nFor("zh-Hant");
    expect(row).toContain(`| ${zh.render(describeDuration(POLICIES.US.returnWindow))} | ${zh.render(describeDuration(POLICIES.GLOBAL.returnWindow))} |`);
    expect(chinese).toContain("## 取消申請");
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
