import "server-only";
/** The scenario files (lib/scenarios/catalogue/*.json), read once, in file-name order; a bad file stops the server with its problems. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, type Scenario } from "@/lib/scenarios/scenarios";

export const CATALOGUE_DIR = join(process.cwd(), "lib/scenarios/catalogue");

let cached: Scenario[] | null = null;

export function readCatalogue(dir: string = CATALOGUE_DIR): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".json")).sort()) {
    const parsed = parseScenario(JSON.parse(readFileSync(join(dir, name), "utf8")));
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
