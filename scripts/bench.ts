/**
 * `npm run bench`: measures the data layer against the limits of the same machine in the same run
 * and prints each figure with its goal (issue 12, docs/decisions/010).
 *  - worlds: the demo world, a small copy (10,000 orders) and a big one (BENCH_ORDERS, default 100,000;
 *    1,000,000 takes ~6 minutes and ~8 GB), each order copied with all its rows;
 *  - the raw SQLite limit for a cancel's writes, the buyer-cancel service with 1 and 32 callers, the
 *    timer sweep of 1,000 due deadlines (a child process per world);
 *  - over HTTP with 32 connections against the production build: a seller's list, support's dispute
 *    queue (the generic list and the workbench), an order page, the live stamp every open tab polls,
 *    the storefront, the buyer home and a checkout, against a bare 20-row page of the same server,
 *    with the server's peak memory while they run; then the buyer-cancel
 *    server action as a browser sends it with and without JavaScript (scripts/bench/action.ts); then the order page while three
 *    private worlds are built through the server's own form (scripts/bench/world-builds.ts); the
 *    platform API's signed search and approve beside a bare route handler (scripts/bench/api.ts).
 * Nothing here is a test: it reports, it does not fail.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { cancelOverHttp } from "./bench/action";
import { apiOverHttp } from "./bench/api";
import { sampleMemory } from "./bench/memory";
import { orderPageDuringWorldBuilds } from "./bench/world-builds";
import { sessionCookies } from "./bench/sessions";
import { load } from "./bench/http";
import { service } from "./bench/service-figures";
import { benchDir, bigWorld, demoWorld, root } from "./bench/worlds";

const BIG = Number(process.env.BENCH_ORDERS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SECRET = "bench-secret-bench-secret-bench-secret-0123456789";


async function http(file: string) {
  // The bare page is built only here (app/bench/bare/page.bench.tsx, next.config.ts pageExtensions).
  execFileSync("npx", ["next", "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BENCH_BUILD: "1" }, stdio: "ignore" });
  const server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    cwd: root,
    // The per-address and per-app allowances would measure themselves, not the server: lifted here.
    // The server's heap as `npm start` gives it (SERVER_HEAP_MB, docs/running.md).
    env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${process.env.SERVER_HEAP_MB ?? 384}`, DATABASE_URL: `file:${file}`, SWEEP_EVERY_MS: "0", WEBHOOK_EVERY_MS: "0", SESSION_SECRET: SECRET, BENCH_ROUTES: "1", NEXT_TELEMETRY_DISABLED: "1", LIMIT_FORMS_PER_MINUTE: "100000000", LIMIT_API_PER_SECOND: "100000000" },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const memory = sampleMemory(server.pid!);
    const cookie = sessionCookies(file, SECRET);
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(file, { readonly: true });
    const order = db.prepare(`SELECT id FROM "Order" WHERE "shopId" = 'shop-maple' AND "openWork" = 'CASE' LIMIT 1`).get() as { id: string };
    db.close();
    const pages = [
      ["bare 20-row page", `${base}/bench/bare`, null],
      // The same page with the signed-in header every real page has: what is left is each page's own work.
      ["bare 20-row page, signed in", `${base}/bench/bare`, cookie("seller-maya")],
      ["seller's order list", `${base}/seller/orders`, cookie("seller-maya")],
      ["support's dispute queue", `${base}/support/orders?open=DISPUTE`, cookie("support-sam")],
      ["support's workbench queue", `${base}/support`, cookie("support-sam")],
      ["order page", `${base}/orders/${order.id}`, cookie("seller-maya")],
      ["live stamp (each open tab, every 2 s)", `${base}/live`, cookie("seller-maya")],
      ["storefront", `${base}/shop`, cookie("buyer-ben")],
      ["buyer home (orders by stage)", `${base}/buyer/orders`, cookie("buyer-ben")],
      ["checkout (buy now)", `${base}/checkout?shop=shop-maple&product=p-maple-2&quantity=1`, cookie("buyer-ben")],
    ] as const;
    const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [name, url, who] of pages) {
      await load(url, who, 4, 2); // warm up
      results[name] = await load(url, who, 32, 8);
    }
    const action = await cancelOverHttp(base, file, SECRET, 600, 32, "form");
    const actionJs = await cancelOverHttp(base, file, SECRET, 600, 32, "js");
    const actionRefresh = await cancelOverHttp(base, file, SECRET, 600, 32, "js+refresh");
    const api = await apiOverHttp(base, file, root);
    const peak = memory.stop();
    const builds = await orderPageDuringWorldBuilds(base, file, SECRET, root);
    return { pages: results, action, actionJs, actionRefresh, api, builds, peak };
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;
const n = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(`Refund Lab benchmark — ${new Date().toISOString()} — ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
const demo = demoWorld();
const small = bigWorld(demo, 10_000, "small");
console.log(`small world: ${n(small.orders)} orders (copied in ${n(small.seconds, 1)} s)`);
const big = bigWorld(demo, BIG, "big");
console.log(`big world: ${n(big.orders)} orders (copied in ${n(big.seconds, 1)} s)`);

const s = service(small.file);
const b = service(big.file);
const { pages, action, actionJs, actionRefresh, api, builds, peak } = await http(big.file);
// The measured world is still a valid one: every order's invariants, at the big world's size.
function dbCheck(file: string): string {
  try {
    return execFileSync("npx", ["tsx", "scripts/db-check.ts", file], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
const check = dbCheck(big.file).trim().split("\n").at(-1)!;

const lines: string[] = [];
const row = (figure: string, measured: string, goal: string, verdict: string) => lines.push(`| ${figure} | ${measured} | ${goal} | ${verdict} |`);
lines.push("| figure | measured | goal | |", "|---|---|---|---|");
row("raw SQLite, a cancel's writes (limit) as before issue 32: random ids, every deadline in six indexes, default checkpoints", `${n(s.rawRandomPerSecond)}/s (small), ${n(b.rawRandomPerSecond)}/s (big)`, "reference", "");
row(
  "raw SQLite, the same writes as the app now: time-ordered ids, open deadlines' indexes, the writer's checkpoints",
  `${n(s.rawPerSecond)}/s (small), ${n(b.rawPerSecond)}/s (big) = ${n(b.rawPerSecond / b.rawRandomPerSecond, 2)}× before at the big world`,
  "≥ 2× before",
  b.rawPerSecond >= 2 * b.rawRandomPerSecond ? "met" : `missed: ${n(b.rawPerSecond / b.rawRandomPerSecond, 2)}×`,
);
row("buyer cancel, service, 1 caller", `${n(s.one.perSecond)}/s, p50 ${n(s.one.p50, 1)} ms`, "—", "");
row(
  "buyer cancel, service, 32 callers",
  `${n(s.thirtyTwo.perSecond)}/s = ${pct(s.thirtyTwo.perSecond, s.rawPerSecond)} of raw, p95 ${n(s.thirtyTwo.p95)} ms`,
  "≥ 2,000/s, ≥ 10% of raw, p95 ≤ 20 ms",
  s.thirtyTwo.perSecond >= 2000 && s.thirtyTwo.p95 <= 20 ? "met" : `missed: ${n(2000 / s.thirtyTwo.perSecond, 1)}× short`,
);
row(
  `same at ${n(b.orders)} orders`,
  `${n(b.thirtyTwo.perSecond)}/s (${pct(b.thirtyTwo.perSecond, s.thirtyTwo.perSecond)} of small)`,
  "within 20% of the small world",
  b.thirtyTwo.perSecond >= 0.8 * s.thirtyTwo.perSecond ? "met" : "missed",
);
row(
  `timer sweep, ${n(b.sweep.due)} due among ${n(b.orders)}`,
  `${n(b.sweep.seconds, 1)} s (${n(b.sweep.applied)} applied, ${n(b.sweep.applied / b.sweep.seconds)}/s)`,
  "< 2 s",
  b.sweep.seconds < 2 ? "met" : `missed: ${n(b.sweep.seconds / 2, 1)}×`,
);
row(
  `seller performance figures (7 and 30 days, daily trend), a shop of ${n(b.performance.shopOrders)} among ${n(b.orders)} orders`,
  `${n(b.performance.ms)} ms (median of 7)`,
  "< 200 ms",
  b.performance.ms < 200 ? "met" : `missed: ${n(b.performance.ms / 200, 1)}×`,
);
const bare = pages["bare 20-row page"]!;
const bareSignedIn = pages["bare 20-row page, signed in"]!;
const PAGES = ["seller's order list", "support's dispute queue", "support's workbench queue", "order page", "live stamp (each open tab, every 2 s)", "storefront", "buyer home (orders by stage)", "checkout (buy now)"] as const;
for (const name of PAGES) {
  const p = pages[name]!;
  row(
    `${name} over HTTP, 32 conns, ${n(b.orders)} orders`,
    `${n(p.perSecond)} req/s = ${pct(p.perSecond, bare.perSecond)} of bare (${n(bare.perSecond)}), ${pct(p.perSecond, bareSignedIn.perSecond)} of bare signed in (${n(bareSignedIn.perSecond)}), p97.5 ${n(p.p975)} ms${p.errors ? `, ${p.errors} errors` : ""}`,
    "≥ 60% of bare, p97.5 < 250 ms",
    p.perSecond >= 0.6 * bare.perSecond && p.p975 < 250 ? "met" : "missed",
  );
}
const cancelGoal = `≥ 50% of the service with 32 callers at this size (${n(b.thirtyTwo.perSecond)}/s)`;
for (const [how, figures, judged] of [
  ["with JavaScript, answered with its result", actionJs, true],
  ["with JavaScript, then the page's refresh the form asks for", actionRefresh, false],
  ["without JavaScript (form POST), answered with the order page", action, false],
] as const) {
  row(
    `buyer-cancel action over HTTP ${how}, 32 conns, ${n(b.orders)} orders`,
    `${n(figures.perSecond)} req/s, p50 ${n(figures.p50)} ms, ${n(figures.cancelled)} of ${n(figures.cancels)} cancelled, answer ${n(figures.bytes / 1024, 1)} KB${figures.errors ? `, ${figures.errors} errors` : ""}`,
    judged ? cancelGoal : "(what the person waits for)",
    !judged ? "" : figures.perSecond >= 0.5 * b.thirtyTwo.perSecond && figures.cancelled === figures.cancels ? "met" : `missed: ${n((0.5 * b.thirtyTwo.perSecond) / figures.perSecond, 1)}× short`,
  );
}
for (const [name, figures, extra] of [
  [`platform API: signed cancellations/search (a page of 20 pending, shop of ${n(api.shopCancels)} cancellations), 32 conns, ${n(b.orders)} orders`, api.search, ""],
  [`platform API: signed approve of a pending cancellation (each its own request), 32 conns, ${n(b.orders)} orders`, api.approve, `, ${n(api.approve.approved)} of ${n(api.approve.calls)} approved`],
] as const) {
  row(
    name,
    `${n(figures.perSecond)} req/s = ${pct(figures.perSecond, api.bare.perSecond)} of the bare route handler (${n(api.bare.perSecond)}), p97.5 ${n(figures.p975)} ms${extra}${figures.errors ? `, ${figures.errors} errors` : ""}${figures.refused ? `, ${figures.refused} refused` : ""}`,
    "≥ 50% of the bare route handler, ≥ 500 req/s (100× a well-known sandbox's 5/s)",
    figures.perSecond >= 0.5 * api.bare.perSecond && figures.perSecond >= 500 ? "met" : `missed: ${n((0.5 * api.bare.perSecond) / figures.perSecond, 1)}× short of half the bare route`,
  );
}
row(
  "order page while three private worlds are built at once (8 conns; worlds build in a low-priority builder process)",
  `p95 ${n(builds.during.p95)} ms, ${n(builds.during.perSecond)} req/s (alone: p95 ${n(builds.alone.p95)} ms, ${n(builds.alone.perSecond)} req/s); the three built in ${n(builds.buildSeconds, 1)} s`,
  "close to alone",
  "",
);
row(
  "server memory under the HTTP load (the server's process group, peaks): its own (heaps, SQLite's caches) and all resident, with the database file's pages SQLite maps (page cache)",
  `own ${n(peak.ownMb)} MB (${Object.entries(peak.byProcess).map(([name, mb]) => `${name} ${n(mb)}`).join(", ")}); resident ${n(peak.rssMb)} MB`,
  "< 500 MB",
  peak.ownMb < 500 ? "met" : `missed: ${n(peak.ownMb / 500, 1)}×`,
);
row(`db:check at ${n(big.orders)} orders`, check.replace(/^db:check: /, ""), "a rate, bounded memory", "");
// Why a goal is missed, from the figures of this run (the measured causes are in docs/data-and-performance.md and docs/decisions/011).
const why: string[] = [];
if (s.thirtyTwo.perSecond < 2000) {
  why.push(
    `- Commands: raw SQLite on this machine does ${n(s.rawPerSecond)} cancels' writes a second; the service reaches ${pct(s.thirtyTwo.perSecond, s.rawPerSecond)} of that. 2,000/s is more than this machine's SQLite can commit, and with 32 callers queued on one writer p95 ≤ 20 ms would need ~1,600/s.`,
  );
}
if (b.thirtyTwo.perSecond < 0.8 * s.thirtyTwo.perSecond) {
  why.push(
    b.rawPerSecond < s.rawPerSecond
      ? `- At ${n(b.orders)} orders raw SQLite itself slows to ${pct(b.rawPerSecond, s.rawPerSecond)} of the small world's rate (deeper B-trees, more pages than the cache), and the service follows it (${pct(b.thirtyTwo.perSecond, s.thirtyTwo.perSecond)}).`
      : `- At ${n(b.orders)} orders raw SQLite is as fast as in the small world (${pct(b.rawPerSecond, s.rawPerSecond)}) while the service reached ${pct(b.thirtyTwo.perSecond, s.thirtyTwo.perSecond)} of its small-world rate: within this machine's run-to-run noise, not a query that grows (the query-plan tests).`,
  );
}
if (b.sweep.seconds >= 2) why.push(`- The sweep applies ${n(b.sweep.applied / b.sweep.seconds)} deadlines a second: the same per-command cost as people's commands.`);
if (PAGES.some((name) => pages[name]!.perSecond < 0.6 * bare.perSecond)) {
  const kb = (bytes: number) => `${n(bytes / 1024)} KB`;
  why.push(
    `- Pages: the bare page serves ${n(bare.perSecond)} req/s on the same cores as the load generator. A real page reads its session, world, header and data in one snapshot of prepared statements, then renders: its HTML is ${PAGES.map((name) => `${name.split(" (")[0]} ${kb(pages[name]!.bytes)}`).join(", ")} against the bare page's ${kb(bare.bytes)} (${kb(bareSignedIn.bytes)} signed in, which serves ${n(bareSignedIn.perSecond)} req/s), so rendering, not reading, is what bounds it.`,
  );
}
if (api.approve.perSecond < 0.5 * api.bare.perSecond) why.push(`- An approve is a command: its write (the cancel's rows, the refund, the ledger, the webhook outbox) goes through the one SQLite writer, whose raw limit here is ${n(b.rawPerSecond)} such write sets a second.`);
if (actionJs.perSecond < 0.5 * b.thirtyTwo.perSecond) {
  why.push(
    `- The cancel action with JavaScript answers with its result only (${n(actionJs.bytes)} bytes), at ${pct(actionJs.perSecond, bare.perSecond)} of the bare page's rate: what remains is Next's own handling of a request (routing, the session, the action's decoding and Flight answer; a CPU profile shows the command's transaction as about a third of it) on the cores the load generator shares.`,
  );
}
why.push(`- A person waits for the command and the page's refresh (${n(actionRefresh.perSecond)}/s), which is bound by the order page's rendering; without JavaScript the form's POST is answered with the page (${n(action.perSecond)}/s).`);
if (why.length) lines.push("", "Why the misses:", ...why);
const table = lines.join("\n");
console.log(`\n${table}`);
mkdirSync(benchDir, { recursive: true });
writeFileSync(resolve(benchDir, "latest.md"), `${table}\n`);
