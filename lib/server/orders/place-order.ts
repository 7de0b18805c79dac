import "server-only";
/**
 * A buyer places an order from one shop's products (issue 29): priced from the products as they are
 * now (never from the form), the stock taken with a guard, the order, its items, its payment
 * deadline and its first event written in one transaction through the same runner as every command;
 * "Place and pay" pays it in that transaction too (PAY, rule PAY-1). An order placed here is like a
 * seeded one in every way. The idempotency key makes a double-click one order.
 */
import { rowId } from "@/lib/ids";
import { randomInt, randomUUID } from "node:crypto";
import { m, money } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
import { AppError, type Result } from "@/lib/errors";
import { DEMO_RESTOCK_BELOW, DEMO_RESTOCK_TO, placementDeadlines, policyFor, priceCheckout, type CheckoutLine, type CheckoutProduct, type OrderStatus } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { db as writer } from "../db";
import { writeTransaction, type Db } from "../prisma";
import { runCommand } from "../run-command";
import { insertRow, type SqlTx, placeholders } from "../sqlite/sql-tx";
import { executeOrderCommand } from "./run-order-command";

export interface PlaceOrderInput {
  shopId: string;
  lines: CheckoutLine[];
  addressId: string;
  paymentMethod: string;
  /** "Place and pay": pay at once (else the order waits for payment, UNPAID). */
  pay: boolean;
  /** The total the buyer saw; a different one now refuses the checkout. */
  expectedTotalMinor?: number;
  idempotencyKey?: string;
  /** The lines came from the buyer's cart: the order takes them out of it. */
  fromCart?: boolean;
}

export interface PlaceOrderResult {
  orderId: string;
  code: string;
  status: OrderStatus;
  totalMinor: number;
  currency: string;
}

const DEMO_WORLD = "demo";

export function placeOrder(user: SessionUser, input: PlaceOrderInput, now: Date, db: Db = writer): Promise<Result<PlaceOrderResult>> {
  return runCommand(() => writeTransaction(db, (sql) => executePlaceOrder(sql, user, input, now)));
}

function refuse(problems: { field: string; reason: ReturnType<typeof m> }[]): never {
  const fieldErrors: Record<string, ReturnType<typeof m>[]> = {};
  for (const problem of problems) (fieldErrors[problem.field] ??= []).push(problem.reason);
  throw new AppError("VALIDATION", problems[0]!.reason, fieldErrors);
}

export function executePlaceOrder(sql: SqlTx, user: SessionUser, input: PlaceOrderInput, now: Date): PlaceOrderResult {
  if (user.role !== "BUYER") throw new AppError("FORBIDDEN", m("checkout.onlyBuyers"));
  if (input.idempotencyKey) {
    const stored = sql.get<{ actorId: string; command: string; result: string }>(`SELECT "actorId", "command", "result" FROM "IdempotencyKey" WHERE "key" = ?`, input.idempotencyKey);
    if (stored) {
      if (stored.actorId !== user.id || stored.command !== "PLACE_ORDER") throw new AppError("CONFLICT", m("errors.formUsed"));
      return JSON.parse(stored.result) as PlaceOrderResult;
    }
  }
  const buyer = sql.get<{ worldId: string; paymentMethods: string }>(`SELECT "worldId", "paymentMethods" FROM "User" WHERE "id" = ? AND "role" = 'BUYER'`, user.id);
  if (!buyer) throw new AppError("FORBIDDEN", m("checkout.onlyBuyers"));
  // A shop of another world is a shop that does not exist.
  const shop = sql.get<{ id: string; worldId: string; policyProfile: string; autoApproveWindow: string; changeOfMindFeeMinor: number; autoRefundUpToMinor: number }>(
    `SELECT "id", "worldId", "policyProfile", "autoApproveWindow", "changeOfMindFeeMinor", "autoRefundUpToMinor" FROM "Shop" WHERE "id" = ? AND "worldId" = ?`,
    input.shopId,
    buyer.worldId,
  );
  if (!shop) throw new AppError("NOT_FOUND", m("checkout.unknownShop"));
  const ids = [...new Set(input.lines.map((line) => line.productId))];
  if (shop.worldId === DEMO_WORLD && ids.length > 0) {
    sql.run(`UPDATE "Product" SET "stock" = ? WHERE "shopId" = ? AND "stock" < ? AND "id" IN (${placeholders(ids)})`, DEMO_RESTOCK_TO, shop.id, DEMO_RESTOCK_BELOW, ...ids);
  }
  const products = ids.length
    ? sql.all<CheckoutProduct>(`SELECT "id", "shopId", "title", "priceMinor", "currency", "stock" FROM "Product" WHERE "shopId" = ? AND "id" IN (${placeholders(ids)})`, shop.id, ...ids)
    : [];
  const priced = priceCheckout({ shopId: shop.id, lines: input.lines, products, paymentMethod: input.paymentMethod, buyerMethods: buyer.paymentMethods.split(","), expectedTotalMinor: input.expectedTotalMinor });
  const address = sql.get<{ name: string; line1: string; line2: string; city: string; region: string; postalCode: string; country: string }>(
    `SELECT "name", "line1", "line2", "city", "region", "postalCode", "country" FROM "Address" WHERE "id" = ? AND "userId" = ?`,
    input.addressId,
    user.id,
  );
  const problems = [...(priced.ok ? [] : priced.problems), ...(address ? [] : [{ field: "addressId", reason: m("checkout.problem.address") }])];
  if (!priced.ok || !address || problems.length > 0) refuse(problems);
  const { checkout } = priced;

  // The stock, taken with a guard: two buyers racing for the last unit cannot both have it.
  for (const line of checkout.lines) {
    const taken = sql.run(`UPDATE "Product" SET "stock" = "stock" - ? WHERE "id" = ? AND "stock" >= ?`, line.quantity, line.product.id, line.quantity);
    if (taken !== 1) refuse([{ field: "lines", reason: m("checkout.problem.stock", { title: line.product.title, stock: 0 }) }]);
  }

  const orderId = rowId();
  const code = freeCode(sql, shop.worldId);
  const policy = policyFor(shop.policyProfile);
  const shipTo = [address.name, address.line1, address.line2, [address.city, address.region, address.postalCode].filter(Boolean).join(" "), address.country].filter(Boolean).join("\n");
  insertRow(sql, "Order", {
    id: orderId,
    worldId: shop.worldId,
    code,
    buyerId: user.id,
    shopId: shop.id,
    status: "UNPAID",
    buyerStage: "TO_PAY",
    version: 0,
    policyProfile: shop.policyProfile,
    autoApproveWindow: shop.autoApproveWindow,
    changeOfMindFeeMinor: shop.changeOfMindFeeMinor,
    autoRefundUpToMinor: shop.autoRefundUpToMinor,
    currency: checkout.currency,
    itemsMinor: checkout.itemsMinor,
    shippingFeeMinor: checkout.shippingFeeMinor,
    totalMinor: checkout.totalMinor,
    paymentMethod: input.paymentMethod,
    shipTo,
    placedAt: now,
    updatedAt: now,
  });
  for (const line of checkout.lines) {
    insertRow(sql, "OrderItem", { id: rowId(), orderId, productId: line.product.id, title: line.product.title, unitPriceMinor: line.product.priceMinor, quantity: line.quantity });
  }
  for (const deadline of placementDeadlines(now, policy)) {
    insertRow(sql, "Deadline", { id: rowId(), orderId, kind: deadline.ref ? `${deadline.kind}:${deadline.ref}` : deadline.kind, dueAt: deadline.dueAt, worldId: shop.worldId, shopId: shop.id, buyerId: user.id });
  }
  const placed = m("engine.events.orderPlaced", { total: money(checkout.totalMinor, checkout.currency), shipping: money(checkout.shippingFeeMinor, checkout.currency) });
  insertRow(sql, "OrderEvent", {
    id: rowId(),
    orderId,
    seq: 0,
    type: "ORDER_PLACED",
    toStatus: "UNPAID",
    actorRole: "BUYER",
    actorId: user.id,
    summary: english().render(placed),
    message: JSON.stringify(placed),
    data: JSON.stringify({ lines: input.lines, paymentMethod: input.paymentMethod, pay: input.pay }),
    at: now,
  });

  if (input.fromCart) {
    sql.run(`DELETE FROM "CartLine" WHERE "userId" = ? AND "productId" IN (${placeholders(ids)})`, user.id, ...ids);
  }

  let status: OrderStatus = "UNPAID";
  if (input.pay) status = executeOrderCommand(sql, user, { orderId, expectedVersion: 0, command: { type: "PAY" } }, now).status;
  const result: PlaceOrderResult = { orderId, code, status, totalMinor: checkout.totalMinor, currency: checkout.currency };
  if (input.idempotencyKey) {
    sql.run(`INSERT INTO "IdempotencyKey" ("key", "actorId", "orderId", "command", "result", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`, input.idempotencyKey, user.id, orderId, "PLACE_ORDER", JSON.stringify(result), now);
  }
  return result;
}

/** A six-digit order code not yet used in the world (one index seek per try). */
function freeCode(sql: SqlTx, worldId: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(randomInt(200_000, 1_000_000));
    if (!sql.get(`SELECT 1 FROM "Order" WHERE "worldId" = ? AND "code" = ?`, worldId, code)) return code;
  }
  return randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
}
