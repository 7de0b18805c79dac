// Checks the invariants of every order (lib/server/checks/check-orders.ts) in the database named by
// DATABASE_URL, or in each SQLite file given as an argument. Exits 1 naming each order and broken invariant.
import { existsSync } from "node:fs";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { checkUploadFiles } from "@/lib/server/checks/check-uploads";
import { createPrismaClient, databaseUrl } from "@/lib/server/prisma";

const files = process.argv.slice(2);
const urls = files.length > 0 ? files.map((file) => (file.startsWith("file:") ? file : `file:${file}`)) : [databaseUrl()];
// Opening a missing SQLite file would create an empty one and then fail on the first query.
const missing = urls.filter((url) => !existsSync(url.slice("file:".length)));
if (missing.length > 0) {
  for (const url of missing) console.error(`db:check: no database at ${url.slice("file:".length)} (run npm run db:migrate first, or check the path).`);
  process.exit(2);
}
let broken = 0;
let checked = 0;
// The check reads orders in batches, so memory stays flat however big the database; the peak is reported.
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
const started = performance.now();
for (const url of urls) {
  const db = createPrismaClient(url);
  try {
    const orders = await db.order.count();
    const problems = await checkOrders(db);
    checked += orders;
    for (const problem of problems) console.error(`${url}: order ${problem.orderId} (${problem.code}): ${problem.invariant}: ${problem.detail}`);
    broken += problems.length;
  } finally {
    await db.$disconnect();
  }
}
// The app's own database (no files named): its uploads directory against its evidence rows.
if (files.length === 0) {
  const db = createPrismaClient(urls[0]);
  try {
    const { orphans, missing, stranded } = await checkUploadFiles(db);
    for (const row of missing) console.error(`evidence ${row.evidenceId}: its photo ${row.sha256} is not in the uploads directory`);
    for (const path of stranded) console.error(`${path}: a staged photo an interrupted upload left behind (the server removes these when it starts)`);
    broken += missing.length + stranded.length;
    if (orphans.length > 0) console.log(`db:check: ${orphans.length} upload file(s) no evidence refers to (harmless; safe to delete):\n  ${orphans.slice(0, 20).join("\n  ")}`);
  } finally {
    await db.$disconnect();
  }
}
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
const rate = `${Math.round(checked / Math.max(seconds, 0.001)).toLocaleString("en-US")} orders/s, peak memory ${Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1_048_576)} MB`;
console.log(broken === 0 ? `db:check: ${checked} orders in ${urls.length} database(s), all invariants hold (${rate}).` : `db:check: ${broken} broken invariant(s) (${rate}).`);
process.exit(broken === 0 ? 0 : 1);
