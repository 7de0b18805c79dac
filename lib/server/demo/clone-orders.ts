/**
 * Grows a database for scale tests and the benchmark: copies every order of the world, with all its
 * rows (items, events, ledger, deadlines, refunds, cases, disputes and their statements, evidence,
 * notifications, payments), `copies` times. Copy n of order X is `c<n>-X`; every id that is derived
 * from the order id (case and dispute ids, refund keys, deadline refs, the commands in events) is
 * rewritten the same way, so each copy is an order the engine can replay and act on. Plain SQL on
 * better-sqlite3 (INSERT … SELECT over a numbers table), so a million orders take minutes, not hours.
 */
import Database from "better-sqlite3";

type Expr = (col: string) => string | null;

/** Columns rewritten for copy `p` (an SQL expression for the prefix "c<n>-"); null keeps the column. */
const PREFIXED = new Set(["id", "orderId", "transactionId", "disputeId", "caseId", "key"]);
const REWRITTEN = new Set(["subjectRef", "idempotencyKey", "kind", "data", "result"]);

const TABLES: { name: string; from: string; orderId: string; extra?: Expr }[] = [
  { name: "Order", from: `"Order" t`, orderId: "t.id", extra: (col) => (col === "code" ? `t.code || '-' || n.i` : null) },
  { name: "OrderItem", from: `"OrderItem" t`, orderId: "t.orderId" },
  { name: "Payment", from: `"Payment" t`, orderId: "t.orderId" },
  { name: "CancelRequest", from: `"CancelRequest" t`, orderId: "t.orderId" },
  { name: "ReturnCase", from: `"ReturnCase" t`, orderId: "t.orderId" },
  { name: "Dispute", from: `"Dispute" t`, orderId: "t.orderId" },
  { name: "DisputeStatement", from: `"DisputeStatement" t JOIN "Dispute" d ON d.id = t.disputeId`, orderId: "d.orderId" },
  { name: "OrderEvent", from: `"OrderEvent" t`, orderId: "t.orderId" },
  { name: "Refund", from: `"Refund" t`, orderId: "t.orderId" },
  { name: "LedgerEntry", from: `"LedgerEntry" t`, orderId: "t.orderId" },
  { name: "Deadline", from: `"Deadline" t`, orderId: "t.orderId" },
  { name: "Evidence", from: `"Evidence" t`, orderId: "t.orderId" },
  { name: "IdempotencyKey", from: `"IdempotencyKey" t`, orderId: "t.orderId" },
  { name: "Notification", from: `"Notification" t`, orderId: "t.orderId" },
  { name: "ChatMessage", from: `"ChatMessage" t`, orderId: "t.orderId" },
];

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
}

/**
 * In `asWorlds` mode each copy n is a world of its own, `w<n>`: the demo world's shops, personas and
 * products are copied with ids prefixed `w<n>:`, and the copied orders, their deadlines, items,
 * notifications and ledger accounts point at those (issue 14's plans at 1,000 worlds).
 */
const WORLD_PREFIX = `'w' || n.i || ':'`;
const AS_WORLD: Record<string, Expr> = {
  Order: (col) => (col === "worldId" ? `'w' || n.i` : col === "shopId" || col === "buyerId" ? `${WORLD_PREFIX} || t."${col}"` : null),
  OrderItem: (col) => (col === "productId" ? `${WORLD_PREFIX} || t."productId"` : null),
  Deadline: (col) => (col === "worldId" ? `'w' || n.i` : col === "shopId" || col === "buyerId" ? `CASE WHEN t."${col}" IS NULL THEN NULL ELSE ${WORLD_PREFIX} || t."${col}" END` : null),
  Notification: (col) => (col === "userId" || col === "shopId" ? `CASE WHEN t."${col}" IS NULL THEN NULL ELSE ${WORLD_PREFIX} || t."${col}" END` : null),
  LedgerEntry: (col) => (col === "account" ? `replace(replace(t."account", 'buyer:', 'buyer:' || ${WORLD_PREFIX}), 'seller:', 'seller:' || ${WORLD_PREFIX})` : null),
};

/** The demo world's shops, personas and products, once per copied world, and the worlds themselves. */
function copyWorlds(db: Database.Database, first: number, last: number): void {
  const n = `WITH RECURSIVE n(i) AS (SELECT CAST(${first} AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ${last})`;
  const copy = (table: string, where: string, rewrite: (col: string) => string | null) => {
    const cols = columns(db, table);
    db.exec(`${n} INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${cols.map((c) => rewrite(c) ?? `t."${c}"`).join(", ")} FROM "${table}" t CROSS JOIN n WHERE ${where}`);
  };
  copy("World", `t."id" = 'demo'`, (col) => (col === "id" ? `'w' || n.i` : col === "name" ? `'World ' || n.i` : col === "kind" ? `'PRIVATE'` : null));
  copy("Shop", `t."worldId" = 'demo'`, (col) => (col === "id" ? `${WORLD_PREFIX} || t."id"` : col === "worldId" ? `'w' || n.i` : null));
  copy("User", `t."worldId" = 'demo'`, (col) => (col === "id" ? `${WORLD_PREFIX} || t."id"` : col === "worldId" ? `'w' || n.i` : col === "shopId" ? `CASE WHEN t."shopId" IS NULL THEN NULL ELSE ${WORLD_PREFIX} || t."shopId" END` : null));
  copy("Product", `t."shopId" IN (SELECT "id" FROM "Shop" WHERE "worldId" = 'demo')`, (col) => (col === "id" || col === "shopId" ? `${WORLD_PREFIX} || t."${col}"` : null));
}

/** Copies every order that exists now `copies` times, in batches of copies per statement. Returns the order count after. */
export function cloneOrders(file: string, copies: number, options: { batch?: number; asWorlds?: boolean; onProgress?: (done: number) => void } = {}): number {
  const batch = options.batch ?? 200;
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");
  try {
    db.exec(`DROP TABLE IF EXISTS temp._src; CREATE TEMP TABLE _src AS SELECT id FROM "Order"`);
    const plans = TABLES.map((table) => {
      const select = columns(db, table.name).map((col) => {
        const own = table.extra?.(col) ?? (options.asWorlds ? AS_WORLD[table.name]?.(col) : null);
        if (own) return own;
        if (PREFIXED.has(col)) return `CASE WHEN t."${col}" IS NULL THEN NULL ELSE 'c' || n.i || '-' || t."${col}" END`;
        if (REWRITTEN.has(col)) return `replace(t."${col}", ${table.orderId}, 'c' || n.i || '-' || ${table.orderId})`;
        return `t."${col}"`;
      });
      return db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO "${table.name}" (${columns(db, table.name).map((c) => `"${c}"`).join(", ")})
         SELECT ${select.join(", ")} FROM ${table.from} JOIN temp._src s ON s.id = ${table.orderId} CROSS JOIN n`,
      );
    });
    for (let first = 1; first <= copies; first += batch) {
      const last = Math.min(copies, first + batch - 1);
      db.transaction(() => {
        if (options.asWorlds) copyWorlds(db, first, last);
        for (const plan of plans) plan.run(first, last);
      })();
      options.onProgress?.(last);
    }
    db.exec(`DROP TABLE temp._src`);
    db.pragma("optimize=0x10002");
    return (db.prepare(`SELECT count(*) AS n FROM "Order"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
