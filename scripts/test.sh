#!/usr/bin/env bash
# npm test: lint, typecheck, unit + integration tests (Vitest), browser tests (Playwright against
# the production build). Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
reports=data/test-reports
mkdir -p "$reports"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Lint (ESLint)"
npx eslint --max-warnings=0 .

step "Typecheck (tsc)"
npx tsc --noEmit

step "Unit and integration tests (Vitest), with the rule engine's branch coverage gate (95%)"
npx vitest run --coverage --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"

step "Invariants of every order the integration tests left behind (db:check)"
npx tsx scripts/db-check.ts $(ls data/test/*.db | grep -v template.db)

step "Browser tests (Playwright, production build)"
bash scripts/ensure-chromium.sh
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json

step "Invariants of every order the browser tests left behind (db:check)"
npx tsx scripts/db-check.ts data/e2e.db

node -e '
const fs = require("node:fs");
const v = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const p = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).stats;
const passed = v.numPassedTests + p.expected + p.flaky;
const failed = v.numFailedTests + p.unexpected;
const skipped = v.numPendingTests + v.numTodoTests + p.skipped;
console.log(`\nunit+integration: ${v.numPassedTests} passed; browser: ${p.expected} passed`);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$reports/vitest.json" "$reports/playwright.json"
