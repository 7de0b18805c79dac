/**
 * The buyer-cancel server action over HTTP, sent the ways a browser sends it:
 *  - "form": without JavaScript, the form's progressive-enhancement POST (the action's hidden fields),
 *    answered with the whole order page;
 *  - "js": with JavaScript, the action called by React (the `Next-Action` header and the arguments as
 *    React encodes them), answered with the command's result only;
 *  - "js+refresh": the same, then the refresh of the page's server components the form asks for once
 *    the result is in (command-form.tsx), which is what the person waits for.
 * The action's id is read from one rendered order page; each command cancels a different order.
 */
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { rate } from "./http";
import { sessionCookies } from "./sessions";

export type ActionMode = "form" | "js" | "js+refresh";

const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export async function cancelOverHttp(base: string, file: string, secret: string, count: number, connections: number, mode: ActionMode = "form") {
  const db = new Database(file, { readonly: true });
  // Orders no earlier run cancelled (each mode takes its own).
  const orders = db
    .prepare(`SELECT "id", "version", "buyerId" FROM "Order" WHERE "status" = 'ON_HOLD' AND "remorseEndsAt" > ? ORDER BY "id" LIMIT ?`)
    .all(new Date(Date.now() + 10 * 60_000).toISOString().replace(/Z$/, "+00:00"), count + 1) as { id: string; version: number; buyerId: string }[];
  db.close();
  const cookie = sessionCookies(file, secret);
  const [first, ...targets] = orders;
  if (!first) return { perSecond: 0, p50: 0, p95: 0, p975: 0, errors: 0, cancels: 0, cancelled: 0, bytes: 0 };
  const page = await fetch(`${base}/orders/${first.id}`, { headers: { cookie: cookie(first.buyerId) } });
  const html = await page.text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('value="BUYER_CANCEL"'));
  if (!form) throw new Error(`No cancel form on the page of order ${first.id} (HTTP ${page.status}): ${html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300)}`);
  const actionFields = [...form.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/>/g)].map((m) => [m[1]!, unescape(m[2] ?? "")] as const);
  // The form's bound action names the server action's id: {"id":"…","bound":…}.
  const bound = actionFields.find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1];
  const actionId = bound ? (JSON.parse(bound) as { id: string }).id : null;
  if (mode !== "form" && !actionId) throw new Error(`No server action id in the cancel form of order ${first.id}`);

  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const queue = [...targets];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let order = queue.shift(); order; order = queue.shift()) {
        const fields = [["intent", "BUYER_CANCEL"], ["orderId", order.id], ["version", String(order.version)], ["idempotencyKey", randomUUID()], ["reasonKey", "bought_by_mistake"]] as const;
        const body = new FormData();
        const headers: Record<string, string> = { cookie: cookie(order.buyerId), origin: base };
        if (mode === "form") {
          for (const [name, value] of actionFields) body.append(name, value);
          for (const [name, value] of fields) body.append(name, value);
        } else {
          // What React sends for `action(previousState, formData)`: the FormData's fields under the
          // prefix of its part, then the arguments' model as part "0" (the server reads them in this order).
          for (const [name, value] of fields) body.append(`_1_${name}`, value);
          body.append("0", JSON.stringify([null, "$K1"]));
          headers["next-action"] = actionId!;
          headers.accept = "text/x-component";
        }
        const t0 = performance.now();
        try {
          const response = await fetch(`${base}/orders/${order.id}`, { method: "POST", body, headers, redirect: "manual" });
          bytes = (await response.arrayBuffer()).byteLength;
          if (response.status !== 200) errors += 1;
          if (mode === "js+refresh") {
            const refreshed = await fetch(`${base}/orders/${order.id}?_rsc=`, { headers: { cookie: headers.cookie!, rsc: "1" }, redirect: "manual" });
            await refreshed.arrayBuffer();
            if (refreshed.status !== 200) errors += 1;
          }
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // A 200 is the page or the result; whether the order was cancelled is in the database.
  const check = new Database(file, { readonly: true });
  const cancelled = targets.filter((order) => (check.prepare(`SELECT "status" FROM "Order" WHERE "id" = ?`).get(order.id) as { status: string }).status === "CANCELLED").length;
  check.close();
  // `bytes`: the size of the last answer (the page, or the result).
  return { ...rate(latencies, seconds), errors, cancels: latencies.length, cancelled, bytes };
}
