/** Writes the rules reference (docs/rules.md and its translations) from the rule engine: policy profiles, reasons, RULE_INDEX, the transitions table. */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { LOCALES } from "../lib/i18n/locales";
import { RULES_DOCUMENTS, rulesReference } from "../lib/i18n/rules";

for (const locale of LOCALES) {
  const file = resolve(import.meta.dirname, "../docs", RULES_DOCUMENTS[locale]);
  writeFileSync(file, rulesReference(locale));
  console.log(`Wrote ${file}`);
}
