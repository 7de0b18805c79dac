/**
 * The platform API over HTTP (issue 31): an app made in the benchmark's world, its token got through
 * `/api/v2/token/get`, then with 32 connections a signed `cancellations/search` (one signature, valid
 * for 5 minutes, reused as a client may) and signed approves of different pending requests (each its
 * own signature), beside a bare route handler of the same server answering a 20-row envelope.
 */
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { sign } from "../../lib/api/signature";
import { rate } from "./http";

type Call = { url: string; body: string; headers: Record<string, string> };

/** `connections` loops, each sending the next call of `calls` (or the same one until `seconds` pass). */
async function drive(next: () => Call | null, connections: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let refused = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let call = next(); call && performance.now() < until; call = next()) {
        const t0 = performance.now();
        try {
          const response = await fetch(call.url, { method: "POST", body: call.body, headers: call.headers });
          const json = (await response.json()) as { code: number };
          if (response.status !== 200) errors += 1;
          else if (json.code !== 0) refused += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { ...rate(latencies, (performance.now() - started) / 1000), errors, refused, calls: latencies.length };
}

export async function apiOverHttp(base: string, file: string, root: string) {
  const made = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench/api-app.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
  const app = JSON.parse(made.trim().split("\n").at(-1)!) as { appKey: string; appSecret: string; authCode: string };
  const token = (await (await fetch(`${base}/api/v2/token/get?${new URLSearchParams({ app_key: app.appKey, app_secret: app.appSecret, auth_code: app.authCode, grant_type: "authorized_code" })}`)).json()) as { data: { access_token: string } };
  const accessToken = token.data.access_token;
  const signed = (path: string, body: string, extra: Record<string, string> = {}, shop = true, cipher = ""): Call => {
    const query: Record<string, string> = { app_key: app.appKey, timestamp: String(Math.floor(Date.now() / 1000)), ...(shop ? { shop_cipher: cipher } : {}), ...extra };
    query.sign = sign(app.appSecret, path, query, body);
    return { url: `${base}${path}?${new URLSearchParams(query)}`, body, headers: { "content-type": "application/json", "x-tts-access-token": accessToken } };
  };
  const shops = (await (await fetch(signed("/authorization/202309/shops", "", {}, false).url, { headers: { "x-tts-access-token": accessToken } })).json()) as { data: { shops: { cipher: string }[] } };
  const cipher = shops.data.shops[0]!.cipher;

  const db = new Database(file, { readonly: true });
  const pending = db.prepare(`SELECT c."id" FROM "CancelRequest" c JOIN "Order" o ON o."id" = c."orderId" WHERE o."shopId" = 'shop-maple' AND c."status" = 'PENDING' ORDER BY c."id" LIMIT 2000`).all() as { id: string }[];
  const shopCancels = (db.prepare(`SELECT count(*) AS n FROM "CancelRequest" c JOIN "Order" o ON o."id" = c."orderId" WHERE o."shopId" = 'shop-maple'`).get() as { n: number }).n;
  db.close();

  const search = signed("/return_refund/202309/cancellations/search", JSON.stringify({ cancel_status: ["CANCELLATION_REQUEST_PENDING"] }), { page_size: "20" }, true, cipher);
  const bare: Call = { url: `${base}/bench/bare-route`, body: "{}", headers: { "content-type": "application/json" } };
  await drive(() => bare, 4, 2); // warm up
  const bareFigures = await drive(() => bare, 32, 8);
  await drive(() => search, 4, 2);
  const searchFigures = await drive(() => search, 32, 8);
  // Approves: each a different pending request, each signed on its own; the run ends when they do.
  const approves = pending.map((row) => signed(`/return_refund/202309/cancellations/${row.id}/approve`, "", {}, true, cipher));
  const approveFigures = await drive(() => approves.shift() ?? null, 32, 60);
  const check = new Database(file, { readonly: true });
  const approved = pending.filter((row) => (check.prepare(`SELECT "status" FROM "CancelRequest" WHERE "id" = ?`).get(row.id) as { status: string }).status === "APPROVED").length;
  check.close();
  return { bare: bareFigures, search: searchFigures, approve: { ...approveFigures, approved }, shopCancels };
}
