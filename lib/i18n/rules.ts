/**
 * The rules' own sentences (lib/order/rule-index.ts) in a language: English is the index itself; a
 * translation lives in messages/<locale>.json under "rules.<id>" and, where a rule has none yet, the
 * English sentence is shown (docs/translating.md lists which).
 */
import type { RuleEntry } from "../order/rule-index";
import { CATALOGUES } from "./catalogues";
import type { Locale } from "./locales";

export function ruleSentence(rule: Pick<RuleEntry, "id" | "sentence">, locale: Locale): string {
  if (locale === "en") return rule.sentence;
  const rules = (CATALOGUES[locale] as unknown as { rules?: Record<string, string> }).rules;
  return rules?.[rule.id] ?? rule.sentence;
}
