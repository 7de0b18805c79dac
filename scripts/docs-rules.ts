/** Writes docs/rules.md from the rule engine (policy profiles, reasons, RULE_INDEX, the transitions table). */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { english } from "../lib/i18n/translator";
import { renderRulesReference } from "../lib/order/rules-reference";

const file = resolve(import.meta.dirname, "../docs/rules.md");
writeFileSync(file, renderRulesReference(english().render));
console.log(`Wrote ${file}`);
