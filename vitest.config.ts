import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // `server-only` throws outside React's server build; in tests every module is server code.
      { find: /^server-only$/, replacement: `${root}tests/support/server-only.ts` },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fresh-database.ts"],
    pool: "forks",
    testTimeout: 20_000,
    // Setups that build big worlds (5,000 orders, a seeded demo world) take ~5 s alone and three
    // times that on a busy 2-core machine: a hook has a minute, like a slow test's own budget.
    hookTimeout: 60_000,
    // The rule engine must stay tested branch by branch: `npm test` fails below 95% (docs/decisions/006).
    coverage: {
      provider: "v8",
      include: ["lib/order/**/*.ts"],
      exclude: ["lib/order/index.ts"],
      reporter: ["text-summary", "text"],
      reportsDirectory: "data/coverage",
      thresholds: { branches: 95 },
    },
  },
});
