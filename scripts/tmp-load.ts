import Database from "better-sqlite3";
import { sessionCookies } from "./bench/sessions";
const file = "/work/main/data/bench/big.db";
const d = new Database(file, { readonly: true });
const order = d.prepare(`SELECT id FROM "Order" WHERE "shopId" = 'shop-maple' AND "openWork" = 'CASE' LIMIT 1`).get() as { id: string };
d.close();
const cookie = sessionCookies(file, "bench-secret-bench-secret-bench-secret-0123456789")("seller-maya");
const url = process.argv[2] === "bare" ? "http://127.0.0.1:3300/bench/bare" : `http://127.0.0.1:3300/orders/${order.id}`;
let bytes = 0;
const t = performance.now();
for (let i = 0; i < 150; i++) { const r = await fetch(url, { headers: { cookie } }); bytes = (await r.text()).length; if (r.status !== 200) console.log(r.status); }
console.log(url, "ms each", ((performance.now() - t) / 150).toFixed(1), "bytes", bytes);
