#!/usr/bin/env bash
# Starts the app for the browser tests: a fresh, seeded database, the production build, loopback only.
set -euo pipefail
port="${1:-3100}"
export DATABASE_URL="${DATABASE_URL:-file:./data/e2e.db}"
node scripts/reset.mjs
npm run --silent db:migrate -- --quiet
npm run --silent db:seed
NEXT_TELEMETRY_DISABLED=1 npx next build
# The server's output also goes to a file the tests read (tests/e2e/hardening.spec.ts: nothing logged at error level).
exec > >(tee data/e2e-server.log) 2>&1
# The server's heap as `npm start` gives it (docs/running.md, SERVER_HEAP_MB).
NEXT_TELEMETRY_DISABLED=1 NODE_OPTIONS="--max-old-space-size=${SERVER_HEAP_MB:-384} ${NODE_OPTIONS:-}" exec npx next start -H 127.0.0.1 -p "$port"
