/**
 * `npm run test:crash`: five times, a fresh seeded database, the load (scripts/crash/load.ts) in a
 * child process, kill -9 at a random moment, then what a restart does (scratch files of an
 * interrupted reset removed) and db:check on every order, SQLite's integrity check and the uploads.
 * Prints one line per round and exits 1 if any round left a broken database. Not part of `npm test`
 * (about a minute).
 */
import Database from "better-sqlite3";
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { checkOrders } from "../../lib/server/checks/check-orders";
import { checkUploadFiles } from "../../lib/server/checks/check-uploads";
import { removeScratchWorlds } from "../../lib/server/demo/reset-world";
import { createPrismaClient } from "../../lib/server/prisma";

const root = resolve(import.meta.dirname, "../..");
const file = resolve(root, "data/crash.db");
const env = { ...process.env, DATABASE_URL: `file:${file}`, UPLOADS_DIR: resolve(root, "data/crash-uploads") };
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);
let failed = 0;

for (let round = 1; round <= ROUNDS; round++) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  removeScratchWorlds(file);
  execFileSync("npm", ["run", "--silent", "db:migrate", "--", "--quiet"], { cwd: root, env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { cwd: root, env, stdio: "ignore" });

  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/crash/load.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let commands = 0;
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => {
    for (const match of chunk.toString().matchAll(/commands (\d+)/g)) commands = Number(match[1]);
  });
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const after = 2000 + Math.floor(Math.random() * 4000);
  await new Promise((r) => setTimeout(r, after));
  const early = child.exitCode;
  child.kill("SIGKILL");
  await exited;

  // The restart: what instrumentation.ts does first, then the checks.
  removeScratchWorlds(file);
  const raw = new Database(file);
  const integrity = (raw.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check).join(", ");
  raw.close();
  const db = createPrismaClient(`file:${file}`);
  try {
    const problems = await checkOrders(db);
    const uploads = await checkUploadFiles(db, env.UPLOADS_DIR);
    const orders = await db.order.count();
    const ok = problems.length === 0 && integrity === "ok" && uploads.missing.length === 0 && early === null;
    if (!ok) failed += 1;
    console.log(
      `round ${round}: killed after ${after} ms and ${commands}+ commands; ${orders} orders; db:check ${problems.length === 0 ? "all invariants hold" : `${problems.length} broken`}; integrity ${integrity}; ${uploads.missing.length} missing and ${uploads.orphans.length} orphan photo files${early !== null ? `; the load had already stopped (exit ${early}): ${errors.slice(0, 300)}` : ""}`,
    );
    for (const problem of problems.slice(0, 10)) console.log(`  order ${problem.orderId}: ${problem.invariant}: ${problem.detail}`);
  } finally {
    await db.$disconnect();
  }
}
console.log(failed === 0 ? `test:crash: ${ROUNDS} rounds of load and kill -9, every database complete and consistent.` : `test:crash: ${failed} of ${ROUNDS} rounds left a broken database.`);
process.exit(failed === 0 ? 0 : 1);
