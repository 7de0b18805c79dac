/**
 * The buyer-cancel server action over HTTP, as a browser without JavaScript sends it (the form's
 * progressive-enhancement POST: the action's hidden fields, then the page it answers with). The
 * action's fields are read from one rendered order page; each POST cancels a different order.
 */
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { rate } from "./http";
import { sessionCookies } from "./sessions";

const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export async function cancelOverHttp(base: string, file: string, secret: string, count: number, connections: number) {
  const db = new Database(file, { readonly: true });
  const orders = db
    .prepare(`SELECT "id", "version", "buyerId" FROM "Order" WHERE "status" = 'ON_HOLD' AND "remorseEndsAt" > ? ORDER BY "id" LIMIT ?`)
    .all(new Date(Date.now() + 10 * 60_000).toISOString().replace(/Z$/, "+00:00"), count + 1) as { id: string; version: number; buyerId: string }[];
  db.close();
  const cookie = sessionCookies(file, secret);
  const [first, ...targets] = orders;
  if (!first) return { perSecond: 0, p50: 0, p975: 0, errors: 0, cancels: 0, cancelled: 0 };
  const page = await fetch(`${base}/orders/${first.id}`, { headers: { cookie: cookie(first.buyerId) } });
  const html = await page.text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('value="BUYER_CANCEL"'));
  if (!form) throw new Error(`No cancel form on the page of order ${first.id} (HTTP ${page.status}): ${html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300)}`);
  const actionFields = [...form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/>/g)].map((m) => [m[1]!, unescape(m[2] ?? "")] as const);

  const latencies: number[] = [];
  let errors = 0;
  const queue = [...targets];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let order = queue.shift(); order; order = queue.shift()) {
        const body = new FormData();
        for (const [name, value] of actionFields) body.append(name, value);
        for (const [name, value] of [["intent", "BUYER_CANCEL"], ["orderId", order.id], ["version", String(order.version)], ["idempotencyKey", randomUUID()], ["reasonKey", "bought_by_mistake"]]) body.append(name!, value!);
        const t0 = performance.now();
        try {
          const response = await fetch(`${base}/orders/${order.id}`, { method: "POST", body, headers: { cookie: cookie(order.buyerId), origin: base }, redirect: "manual" });
          await response.arrayBuffer();
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // A 200 is the page; whether the order was cancelled is in the database.
  const check = new Database(file, { readonly: true });
  const cancelled = targets.filter((order) => (check.prepare(`SELECT "status" FROM "Order" WHERE "id" = ?`).get(order.id) as { status: string }).status === "CANCELLED").length;
  check.close();
  return { ...rate(latencies, seconds), errors, cancels: latencies.length, cancelled };
}
