import "server-only";
/** The scenario files (lib/scenarios/catalogue/*.json), read once, in file-name order; a bad file stops the server with its problems. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { convertMessage } from "@/lib/i18n/hans";
import type { Locale } from "@/lib/i18n/locales";
import { parseScenario, type Scenario } from "@/lib/scenarios/scenarios";

export const CATALOGUE_DIR = join(process.cwd(), "lib/scenarios/catalogue");

let cached: Scenario[] | null = null;

export function readCatalogue(dir: string = CATALOGUE_DIR): Scenario[] {
  const scenarios: Scenario[] = [];
  // The files are read where the app runs (npm start serves from the repository), not traced into a bundle.
  for (const name of readdirSync(/* turbopackIgnore: true */ dir).filter((file) => file.endsWith(".json")).sort()) {
    const file = join(/* turbopackIgnore: true */ dir, name);
    const parsed = parseScenario(JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8")));
    if (!parsed.ok) throw new Error(`Scenario ${name} is not valid: ${parsed.problems.join("; ")}`);
    scenarios.push(parsed.scenario);
  }
  const ids = scenarios.map((scenario) => scenario.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`Two scenarios are called ${twice}.`);
  return scenarios;
}

export function scenarios(): Scenario[] {
  return (cached ??= readCatalogue());
}

const simplified = new Map<string, string>();

/** A scenario's text in the viewer's language: Simplified Chinese is made from the Traditional text as the catalogues are (lib/i18n/hans.ts). */
export function scenarioText(text: { en: string; "zh-Hant": string }, locale: Locale): string {
  if (locale !== "zh-Hans") return text[locale];
  let out = simplified.get(text["zh-Hant"]);
  if (out === undefined) simplified.set(text["zh-Hant"], (out = convertMessage(text["zh-Hant"])));
  return out;
}
