/**
 * `npm run bench:size -- 1000000`: the command path at one world size only (no HTTP): the demo world
 * copied up to N orders, then the raw write set, the buyer-cancel service and the timer sweep of
 * 1,000 due deadlines (scripts/bench/service.ts), with their goals. For the sizes the full
 * `npm run bench` would take too long at (1,000,000 orders: ~6 minutes to copy, ~8 GB of disk).
 * It reports; it does not fail.
 */
import { rmSync } from "node:fs";
import { service } from "./bench/service-figures";
import { bigWorld, demoWorld } from "./bench/worlds";

const size = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(size) || size < 1_000) throw new Error(`A world size of at least 1,000 orders, e.g. npm run bench:size -- 1000000 (got ${process.argv[2]})`);
const n = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const world = bigWorld(demoWorld(), size, "size");
console.log(`world: ${n(world.orders)} orders (copied in ${n(world.seconds, 1)} s)`);
const figures = service(world.file);
console.log(
  [
    "| figure | measured | goal | |",
    "|---|---|---|---|",
    `| raw SQLite, a cancel's writes, at ${n(figures.orders)} orders | ${n(figures.rawPerSecond)}/s now, ${n(figures.rawRandomPerSecond)}/s as before issue 32 | reference | |`,
    `| buyer cancel, service, 32 callers, at ${n(figures.orders)} orders | ${n(figures.thirtyTwo.perSecond)}/s, p95 ${n(figures.thirtyTwo.p95)} ms | reference | |`,
    `| timer sweep, ${n(figures.sweep.due)} due among ${n(figures.orders)} | ${n(figures.sweep.seconds, 1)} s (${n(figures.sweep.applied)} applied) | < 2 s | ${figures.sweep.seconds < 2 ? "met" : `missed: ${n(figures.sweep.seconds / 2, 1)}×`} |`,
  ].join("\n"),
);
for (const suffix of ["", "-wal", "-shm"]) rmSync(world.file + suffix, { force: true });
