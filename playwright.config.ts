import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_URL = "file:./data/e2e.db";

// Debian's Chromium on our machines (Playwright's browser download is not reachable); a laptop
// with Playwright's own browser can leave it out or point CHROMIUM_PATH elsewhere.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A multi-step story (sign in as three people, a dozen commands) takes ~20 s on a busy 2-core
  // machine; the budget is three times that. Waits are for states, never for fixed times.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        },
      },
    },
  ],
  webServer: {
    // A fresh database, seeded; then the production build, served on loopback only.
    command: `bash scripts/e2e-server.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    // No sweep on an interval: the tests move time themselves (every jump and every simulator
    // control sweeps at once), so no timer of the server races a test's own writes.
    // The suite creates ~25 private worlds from one address (each test that moves time makes its
    // own), more than the default 20 an hour per address allows (lib/rate-limit.ts); and its browsers
    // sign in more than the default 60 times a minute, all from 127.0.0.1.
    env: { DATABASE_URL: E2E_DATABASE_URL, SWEEP_EVERY_MS: "0", APP_ORIGIN: `http://127.0.0.1:${PORT}`, LIMIT_WORLDS_PER_HOUR: "1000", LIMIT_SIGNINS_PER_MINUTE: "1000" },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
  },
});
