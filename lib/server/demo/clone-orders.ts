/**
 * Grows a database for scale tests and the benchmark: copies every order of the world, with all its
 * rows (items, events, ledger, deadlines, refunds, cases, disputes and their statements, evidence,
 * notifications, payments), `copies` times. Copy n of order X is `c<n>-X`; every id that is derived
 * from the order id (case and dispute ids, refund keys, deadline refs, the commands in events) is
 * rewritten the same way, so each copy is an order the engine can replay and act on. Plain SQL on
 * better-sqlite3 (INSERT … SELECT over a numbers table), so a million orders take minutes, not hours.
 */
import Database from "better-sqlite3";
import { WORLD_ID_SEPARATOR } from "@/lib/worlds";

/** Columns rewritten for copy `p` (an SQL expression for the prefix "c<n>-"); null keeps the column. */
const PREFIXED = new Set(["id", "orderId", "transactionId", "disputeId", "caseId", "messageId", "key"]);
const REWRITTEN = new Set(["subjectRef", "idempotencyKey", "kind", "data", "result"]);

const TABLES: { name: string; from: (source: string) => string; orderId: string; where?: string }[] = [
  { name: "Order", from: (s) => `${s}."Order" t`, orderId: "t.id" },
  { name: "OrderItem", from: (s) => `${s}."OrderItem" t`, orderId: "t.orderId" },
  { name: "Payment", from: (s) => `${s}."Payment" t`, orderId: "t.orderId" },
  { name: "CancelRequest", from: (s) => `${s}."CancelRequest" t`, orderId: "t.orderId" },
  { name: "ReturnCase", from: (s) => `${s}."ReturnCase" t`, orderId: "t.orderId" },
  { name: "Dispute", from: (s) => `${s}."Dispute" t`, orderId: "t.orderId" },
  { name: "DisputeStatement", from: (s) => `${s}."DisputeStatement" t JOIN ${s}."Dispute" d ON d.id = t.disputeId`, orderId: "d.orderId" },
  { name: "OrderEvent", from: (s) => `${s}."OrderEvent" t`, orderId: "t.orderId" },
  { name: "Refund", from: (s) => `${s}."Refund" t`, orderId: "t.orderId" },
  // An order's postings only: a wallet's top-ups belong to no order (worldEntityStatements copies them).
  { name: "LedgerEntry", from: (s) => `${s}."LedgerEntry" t`, orderId: "t.orderId", where: `t."orderId" IS NOT NULL` },
  { name: "Deadline", from: (s) => `${s}."Deadline" t`, orderId: "t.orderId" },
  { name: "Evidence", from: (s) => `${s}."Evidence" t`, orderId: "t.orderId" },
  { name: "IdempotencyKey", from: (s) => `${s}."IdempotencyKey" t`, orderId: "t.orderId" },
  { name: "Notification", from: (s) => `${s}."Notification" t`, orderId: "t.orderId" },
  { name: "ChatMessage", from: (s) => `${s}."ChatMessage" t`, orderId: "t.orderId" },
];

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
}

/**
 * How a copy names its rows, as SQL expressions: `order` prefixes every id derived from an order,
 * `world` is the copy's world id and `worldPrefix` prefixes its shops', people's and products' ids.
 * The benchmark's copies use the numbers table (`'c' || n.i || '-'`); a private world, constants.
 */
export interface CopyNames {
  order: string;
  world: string;
  worldPrefix: string;
}

/** Columns that hold a person's id, and those that hold a shop's (rewritten when the copy is a world of its own). */
const PERSON_COLUMNS: Record<string, string[]> = {
  Order: ["buyerId", "cancelledById", "lastMessageById"],
  Dispute: ["decidedById", "appealDecidedById", "assigneeId"],
  OrderEvent: ["actorId"],
  Evidence: ["ownerId"],
  ChatMessage: ["authorId"],
  IdempotencyKey: ["actorId"],
  Notification: ["userId"],
  Deadline: ["buyerId"],
};
const SHOP_COLUMNS: Record<string, string[]> = { Order: ["shopId"], Deadline: ["shopId"], Notification: ["shopId"], CancelRequest: ["shopId"], ReturnCase: ["shopId"] };

/**
 * In a world of its own, an order row's people, shop, products, ledger accounts and world are the
 * copied world's (a person's id is rewritten only when it is one of the source world's people; the
 * system's is kept).
 */
function asWorld(table: string, col: string, names: CopyNames, source: string): string | null {
  const prefixed = `CASE WHEN t."${col}" IS NULL THEN NULL ELSE ${names.worldPrefix} || t."${col}" END`;
  if (col === "worldId" && (table === "Order" || table === "Deadline" || table === "Dispute")) return names.world;
  if (PERSON_COLUMNS[table]?.includes(col)) return `CASE WHEN t."${col}" IN (SELECT "id" FROM ${source}."User") THEN ${names.worldPrefix} || t."${col}" ELSE t."${col}" END`;
  if (SHOP_COLUMNS[table]?.includes(col)) return prefixed;
  if (table === "OrderItem" && col === "productId") return prefixed;
  if (table === "LedgerEntry" && col === "account") return `replace(replace(replace(t."account", 'buyer:', 'buyer:' || ${names.worldPrefix}), 'wallet:', 'wallet:' || ${names.worldPrefix}), 'seller:', 'seller:' || ${names.worldPrefix})`;
  return null;
}

/**
 * INSERT … SELECT statements that copy every order of `source` (a schema name: "main" or an attached
 * database) with all its rows, named by `names`; `from` adds a join that picks which orders, and
 * `numbers` a CTE the names may use. `code` is the copied order's number.
 */
export function orderCopyStatements(
  db: Database.Database,
  options: { source: string; names: CopyNames; asWorld: boolean; code: string; join?: (orderId: string) => string; numbers?: string },
): string[] {
  return TABLES.map((table) => {
    const cols = columns(db, table.name);
    const select = cols.map((col) => {
      if (table.name === "Order" && col === "code") return options.code;
      const own = options.asWorld ? asWorld(table.name, col, options.names, options.source) : null;
      if (own) return own;
      if (PREFIXED.has(col)) return `CASE WHEN t."${col}" IS NULL THEN NULL ELSE ${options.names.order} || t."${col}" END`;
      // A notification may have no order: its text is kept as it is.
      if (REWRITTEN.has(col)) return `coalesce(replace(t."${col}", ${table.orderId}, ${options.names.order} || ${table.orderId}), t."${col}")`;
      return `t."${col}"`;
    });
    return `${options.numbers ?? ""} INSERT INTO main."${table.name}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${select.join(", ")} FROM ${table.from(options.source)} ${options.join?.(table.orderId) ?? ""}${table.where ? ` WHERE ${table.where}` : ""}`;
  });
}

/**
 * The source world's shops (with their quick replies), people (with their addresses and wallet top-ups), products and support's rationale templates copied into another world (ids prefixed by
 * `names.worldPrefix`); `where` picks the source world's rows (by the shop for products).
 */
export function worldEntityStatements(db: Database.Database, options: { source: string; names: CopyNames; sourceWorld: string; numbers?: string; join?: string }): string[] {
  const { names, source } = options;
  const copy = (table: string, where: string, rewrite: (col: string) => string | null) => {
    const cols = columns(db, table);
    return `${options.numbers ?? ""} INSERT INTO main."${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${cols.map((c) => rewrite(c) ?? `t."${c}"`).join(", ")} FROM ${source}."${table}" t ${options.join ?? ""} WHERE ${where}`;
  };
  const world = `'${options.sourceWorld.replace(/'/g, "''")}'`;
  return [
    copy("Shop", `t."worldId" = ${world}`, (col) => (col === "id" ? `${names.worldPrefix} || t."id"` : col === "worldId" ? names.world : null)),
    copy("User", `t."worldId" = ${world}`, (col) => (col === "id" ? `${names.worldPrefix} || t."id"` : col === "worldId" ? names.world : col === "shopId" ? `CASE WHEN t."shopId" IS NULL THEN NULL ELSE ${names.worldPrefix} || t."shopId" END` : null)),
    copy("Product", `t."shopId" IN (SELECT "id" FROM ${source}."Shop" WHERE "worldId" = ${world})`, (col) => (col === "id" || col === "shopId" ? `${names.worldPrefix} || t."${col}"` : null)),
    copy("Address", `t."userId" IN (SELECT "id" FROM ${source}."User" WHERE "worldId" = ${world})`, (col) => (col === "id" || col === "userId" ? `${names.worldPrefix} || t."${col}"` : null)),
    copy("QuickReply", `t."shopId" IN (SELECT "id" FROM ${source}."Shop" WHERE "worldId" = ${world})`, (col) => (col === "id" || col === "shopId" ? `${names.worldPrefix} || t."${col}"` : null)),
    // The buyers' wallet top-ups (their opening balances): postings of no order.
    copy(
      "LedgerEntry",
      `t."orderId" IS NULL AND (t."account" IN (SELECT 'wallet:' || "id" FROM ${source}."User" WHERE "worldId" = ${world}) OR t."account" IN (SELECT 'buyer:' || "id" FROM ${source}."User" WHERE "worldId" = ${world}))`,
      // Named as a buyer of the copy would have them named ("opening-<buyer>", "topup-<buyer>-<key>").
      (col) =>
        col === "id" || col === "transactionId"
          ? `replace(replace(t."${col}", 'opening-', 'opening-' || ${names.worldPrefix}), 'topup-', 'topup-' || ${names.worldPrefix})`
          : col === "account"
            ? `replace(replace(t."account", 'buyer:', 'buyer:' || ${names.worldPrefix}), 'wallet:', 'wallet:' || ${names.worldPrefix})`
            : null,
    ),
    copy("RationaleTemplate", `t."worldId" = ${world}`, (col) => (col === "id" || col === "updatedById" ? `${names.worldPrefix} || t."${col}"` : col === "worldId" ? names.world : null)),
  ];
}

const NUMBERED: CopyNames = { order: `'c' || n.i || '-'`, world: `'w' || n.i`, worldPrefix: `'w' || n.i || '${WORLD_ID_SEPARATOR}'` };
const NUMBERED_WORLDS: CopyNames = { order: NUMBERED.worldPrefix, world: NUMBERED.world, worldPrefix: NUMBERED.worldPrefix };
const numbers = (first: number, last: number) => `WITH RECURSIVE n(i) AS (SELECT CAST(${first} AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ${last})`;

/**
 * In `asWorlds` mode each copy n is a world of its own, `w<n>`: the demo world's shops, personas and
 * products are copied with ids prefixed `w<n>_`, and the copied orders (ids prefixed the same way,
 * numbers kept: they are unique per world), their deadlines, items, notifications and ledger
 * accounts point at those (issue 14's plans at 1,000 worlds).
 */
/** Copies every order that exists now `copies` times, in batches of copies per statement. Returns the order count after. */
export function cloneOrders(file: string, copies: number, options: { batch?: number; asWorlds?: boolean; onProgress?: (done: number) => void } = {}): number {
  const batch = options.batch ?? 200;
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -200000");
  try {
    db.exec(`DROP TABLE IF EXISTS temp._src; CREATE TEMP TABLE _src AS SELECT id FROM "Order"`);
    const names = options.asWorlds ? NUMBERED_WORLDS : NUMBERED;
    const code = options.asWorlds ? `t."code"` : `t."code" || '-' || n.i`;
    for (let first = 1; first <= copies; first += batch) {
      const last = Math.min(copies, first + batch - 1);
      const range = numbers(first, last);
      db.transaction(() => {
        if (options.asWorlds) {
          db.exec(`${range} INSERT INTO "World" ("id", "name", "kind", "createdAt", "lastActiveAt", "aheadMs") SELECT 'w' || n.i, 'World ' || n.i, 'PRIVATE', t."createdAt", t."lastActiveAt", 0 FROM "World" t CROSS JOIN n WHERE t."id" = 'demo'`);
          for (const sql of worldEntityStatements(db, { source: "main", names, sourceWorld: "demo", numbers: range, join: "CROSS JOIN n" })) db.exec(sql);
        }
        for (const sql of orderCopyStatements(db, { source: "main", names, asWorld: !!options.asWorlds, code, numbers: range, join: (orderId) => `JOIN temp._src s ON s.id = ${orderId} CROSS JOIN n` })) db.exec(sql);
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
