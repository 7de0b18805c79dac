/**
 * Records the SQL a Prisma client sends (and the prepared statements of the command path and of the page reads) and asks SQLite how it would run each statement
 * (EXPLAIN QUERY PLAN), so a test can refuse plans that read a large table whole or sort it.
 */
import Database from "better-sqlite3";
import { expect } from "vitest";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { serializedAdapter } from "@/lib/server/serialized-adapter";
import { registerWriter } from "@/lib/server/prisma";
import { recordPageReads } from "@/lib/server/sqlite/read-sql";

export interface Recorded {
  sql: string;
  params: unknown[];
}

/** A writer client on `url` that records every statement it sends. */
export function recordingClient(url: string): { db: PrismaClient; statements: Recorded[] } {
  const statements: Recorded[] = [];
  const factory = serializedAdapter(new PrismaBetterSqlite3({ url, timeout: 5000 }));
  const db = new PrismaClient({ adapter: factory, log: [{ level: "query", emit: "event" }] });
  // The command path's prepared statements are recorded too.
  registerWriter(db, factory, statements);
  db.$on("query", (event) => {
    statements.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  return { db, statements };
}

export interface Plan {
  sql: string;
  plan: string[];
}

/** Every index a plan of this process has used (the index-usage test reads it after the others). */
export const usedIndexes = new Set<string>();

/** The plan of each distinct statement (BEGIN/COMMIT and friends left out). */
export function plansOf(file: string, statements: Recorded[]): Plan[] {
  const db = new Database(file, { readonly: true });
  try {
    const seen = new Set<string>();
    const plans: Plan[] = [];
    for (const { sql, params } of statements) {
      if (!/^\s*(SELECT|UPDATE|DELETE|INSERT|WITH)/i.test(sql) || seen.has(sql)) continue;
      seen.add(sql);
      const bound = params.map((p) => (typeof p === "boolean" ? Number(p) : p === null || typeof p === "number" || typeof p === "string" || typeof p === "bigint" ? p : String(p)));
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bound) as { detail: string }[];
      plans.push({ sql, plan: rows.map((row) => row.detail) });
      for (const row of rows) for (const match of row.detail.matchAll(/USING (?:COVERING )?INDEX (\w+)/g)) usedIndexes.add(match[1]!);
    }
    return plans;
  } finally {
    db.close();
  }
}

/** Runs `flow` with the recording client and returns the plans of what it sent. */
export async function plansFor(file: string, recorder: { statements: Recorded[] }, flow: () => Promise<unknown>): Promise<Plan[]> {
  recorder.statements.length = 0;
  // The page reads' own connection (lib/server/sqlite/read-sql.ts) is recorded too.
  recordPageReads(recorder.statements);
  try {
    await flow();
  } finally {
    recordPageReads(undefined);
  }
  return plansOf(file, recorder.statements);
}

/** Prints the plans (so a reviewer sees them) and fails on any that reads a large table whole or sorts one. */
export function expectGoodPlans(name: string, plans: Plan[]): void {
  console.log(`\n${name}: ${plans.length} distinct statements\n${plans.map((p) => `  ${p.sql.replace(/`main`\./g, "").slice(0, 110)}…\n    ${p.plan.join(" | ")}`).join("\n")}`);
  expect(plans.length).toBeGreaterThan(0);
  expect(plans.flatMap((plan) => planProblems(plan).map((problem) => `${problem}: ${plan.sql.slice(0, 200)}`))).toEqual([]);
}

/** The tables that grow with the number of orders. */
export const LARGE_TABLES = ["Order", "OrderItem", "OrderEvent", "LedgerEntry", "Deadline", "Notification", "Refund", "Payment", "Evidence", "ReturnCase", "Dispute", "CancelRequest", "IdempotencyKey", "DisputeStatement", "ChatMessage"];

/** The partial indexes that hold open deadlines only (decisions/028): what they hold ends as it is done. */
export const OPEN_WORK_INDEXES = ["Deadline_dueAt_id_idx", "Deadline_shopId_dueAt_id_idx", "Deadline_worldId_dueAt_id_idx", "Deadline_buyerId_dueAt_id_idx", "Deadline_shopId_kind_dueAt_id_idx"];

/** What is wrong with a plan: a large table read whole, or a temporary sort of rows from one. */
export function planProblems(plan: Plan): string[] {
  const problems: string[] = [];
  // A joined table appears under its alias (j0, or one the SQL gives: `FROM "Order" o`); its index's
  // name, or the SQL's FROM and JOIN clauses, say which table it is.
  const aliases = new Map([...plan.sql.matchAll(/(?:FROM|JOIN)\s+[`"]?(\w+)[`"]?\s+(?:AS\s+)?(\w+)/gi)].map((m) => [m[2]!, m[1]!]));
  const tableOf = (name: string, rest: string) => (LARGE_TABLES.includes(name) ? name : (/INDEX (\w+?)_/.exec(rest)?.[1] ?? aliases.get(name) ?? name));
  const reads = plan.plan
    .map((line) => /^(SCAN|SEARCH) (?:main\.)?(\w+)(?: AS \w+)?(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map(([, how, name, rest]) => [how!, tableOf(name!, rest ?? ""), rest ?? ""] as const)
    .filter(([, table]) => LARGE_TABLES.includes(table));
  for (const [how, table, rest] of reads) if (how === "SCAN" && !/USING (COVERING )?INDEX/.test(rest)) problems.push(`full scan of ${table}`);
  // Sorting one order's rows (its items, events, deadlines) is fine, and so is sorting open work (open
  // deadlines, orders waiting on something), which ends as it is done; sorting history (a whole shop's
  // or the world's orders) is not.
  const perOrder = (rest: string) => /\((orderId|id|disputeId)=\?/.test(rest);
  const openWork = (rest: string) => /\(resolvedAt=\?|openWork=\?/.test(rest) || OPEN_WORK_INDEXES.some((index) => rest.includes(`INDEX ${index} `));
  if (plan.plan.some((line) => line.includes("TEMP B-TREE")) && reads.some(([, , rest]) => !perOrder(rest) && !openWork(rest))) problems.push("a sort of rows from a large table");
  return problems;
}
