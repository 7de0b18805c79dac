/**
 * The rules' own sentences (lib/order/rule-index.ts) and the generated rules reference in a language.
 * English is the index itself (messages/en.json repeats it under "rules.<id>", and a test keeps the
 * two equal); the other languages translate it under the same keys.
 */
import { RULE_INDEX, type RuleEntry } from "../order/rule-index";
import { renderRulesReference, type ReferenceWords } from "../order/rules-reference";
import { CATALOGUES } from "./catalogues";
import { LOCALE_NAMES, LOCALES, type Locale } from "./locales";
import { i18nFor } from "./translator";

export function ruleSentence(rule: Pick<RuleEntry, "id" | "sentence">, locale: Locale): string {
  if (locale === "en") return rule.sentence;
  const rules = (CATALOGUES[locale] as unknown as { rules?: Record<string, string> }).rules;
  return rules?.[rule.id] ?? rule.sentence;
}

/** Where each language's rules reference lives (docs/, written by `npm run docs:rules`). */
export const RULES_DOCUMENTS: Record<Locale, string> = { en: "rules.md", "zh-Hant": "rules.zh-Hant.md", "zh-Hans": "rules.zh-Hans.md" };

/** The rules reference in a language, linking to the others. */
export function rulesReference(locale: Locale, options: { linkOthers?: boolean } = {}): string {
  const { t, render } = i18nFor(locale, "UTC");
  const words: ReferenceWords = { t: (key, params) => t(`rulesDoc.${key}`, params), render, rule: (rule) => ruleSentence(rule, locale) };
  // The documents link to each other; the app's page is in the viewer's language already (the header switches it).
  const others = options.linkOthers === false ? [] : LOCALES.filter((other) => other !== locale).map((other) => ({ name: LOCALE_NAMES[other], href: RULES_DOCUMENTS[other] }));
  return renderRulesReference(words, others);
}

export { RULE_INDEX };
