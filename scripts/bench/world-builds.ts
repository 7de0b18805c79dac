/**
 * How much building private worlds costs everyone else (issue 26): the demo world's order page under
 * a light load (8 connections), first alone, then while three worlds are created at once through the
 * server's own form (the createWorldAction, posted as the browser posts it). Building used to run on
 * the server's event loop; it now runs in a child process (lib/server/demo/reset-world.ts).
 * Standalone: `tsx scripts/bench/world-builds.ts http://127.0.0.1:3000 <database file>` against a
 * running production server; `npm run bench` runs it against its own.
 */
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { load } from "./http";
import { sessionCookies } from "./sessions";

function createWorldActionId(root: string): string {
  const manifest = JSON.parse(readFileSync(resolve(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "createWorldAction");
  if (!found) throw new Error("The build has no createWorldAction.");
  return found[0];
}

/** Creates one world as a new browser would (its own visitor cookie); resolves when the server answered. */
async function createWorld(base: string, actionId: string, name: string): Promise<number> {
  const form = new FormData();
  form.append("_1_name", name);
  form.append("_1_ownerName", "Bench");
  form.append("_1_template", "DEMO_COPY");
  form.append("0", JSON.stringify([null, "$K1"]));
  const started = performance.now();
  const response = await fetch(`${base}/`, { method: "POST", headers: { "next-action": actionId, origin: base, accept: "text/x-component" }, body: form, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status >= 400) throw new Error(`Creating a world answered ${response.status}.`);
  return (performance.now() - started) / 1000;
}

export async function orderPageDuringWorldBuilds(base: string, file: string, secret: string | null, root: string) {
  const db = new Database(file, { readonly: true });
  const order = db.prepare(`SELECT id FROM "Order" WHERE "worldId" = 'demo' AND "shopId" = 'shop-maple' AND "openWork" = 'CASE' LIMIT 1`).get() as { id: string };
  db.close();
  const cookie = secret ? sessionCookies(file, secret)("seller-maya") : null;
  const url = `${base}/orders/${order.id}`;
  const actionId = createWorldActionId(root);
  await load(url, cookie, 4, 2);
  const alone = await load(url, cookie, 8, 6);
  const builds = Promise.all([1, 2, 3].map((i) => createWorld(base, actionId, `Bench world ${i}`)));
  const started = performance.now();
  const during = await load(url, cookie, 8, 6);
  const seconds = await builds;
  return { alone, during, buildSeconds: Math.max(...seconds), wallSeconds: (performance.now() - started) / 1000 };
}

if (process.argv[1]?.endsWith("world-builds.ts")) {
  const [base = "http://127.0.0.1:3000", file = "data/app.db"] = process.argv.slice(2);
  const root = resolve(import.meta.dirname, "../..");
  const secret = readFileSync(resolve(root, "data/session-secret"), "utf8").trim();
  const result = await orderPageDuringWorldBuilds(base, resolve(root, file), secret, root);
  console.log(JSON.stringify(result));
}
