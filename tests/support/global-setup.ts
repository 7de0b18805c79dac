// Migrates one template database for the whole run; each test file then works on its own copy
// (tests/support/fresh-database.ts), so files never see each other's data.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";

export const TEST_DB_DIR = resolve(import.meta.dirname, "../../data/test");
export const TEMPLATE_DB = resolve(TEST_DB_DIR, "template.db");

export default function setup() {
  rmSync(TEST_DB_DIR, { recursive: true, force: true });
  mkdirSync(TEST_DB_DIR, { recursive: true });
  execFileSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "scripts/migrate.mjs", "--quiet"], {
    cwd: resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "inherit",
  });
  // The databases stay until the next run: npm test runs db:check on them afterwards.
}
