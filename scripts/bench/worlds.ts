/** Builds the benchmark's databases: the demo world, migrated and seeded, optionally copied up to N orders. */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { cloneOrders } from "../../lib/server/demo/clone-orders";

export const root = resolve(import.meta.dirname, "../..");
export const benchDir = resolve(root, "data/bench");

function run(script: string, url: string) {
  execFileSync("npm", ["run", "--silent", script, ...(script === "db:migrate" ? ["--", "--quiet"] : [])], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${url}` }, stdio: "inherit" });
}

/** A fresh seeded demo world at `data/bench/demo.db` (rebuilt every run: its orders' windows are relative to now). */
export function demoWorld(): string {
  mkdirSync(benchDir, { recursive: true });
  const file = resolve(benchDir, "demo.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  run("db:migrate", file);
  run("db:seed", file);
  return file;
}

/** A copy of the demo world grown to at least `orders` orders. */
export function bigWorld(demo: string, orders: number, name: string): { file: string; orders: number; seconds: number } {
  const file = resolve(benchDir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(demo, file);
  if (existsSync(`${demo}-wal`)) copyFileSync(`${demo}-wal`, `${file}-wal`);
  const started = performance.now();
  const seeded = 94;
  const total = cloneOrders(file, Math.max(0, Math.ceil(orders / seeded) - 1), {
    onProgress: (done) => process.stdout.write(`\r  copying the demo world: ${(done * seeded).toLocaleString("en-US")} orders`),
  });
  process.stdout.write("\n");
  return { file, orders: total, seconds: (performance.now() - started) / 1000 };
}
