import "server-only";
/**
 * A buyer puts a product in their cart, changes how many, or takes it out (quantity 0). The cart
 * holds products of the buyer's own world only, at most MAX_QUANTITY of each (as one order may) and
 * at most MAX_CART_LINES products; the stock is checked again, with the price, at checkout.
 */
import { AppError, type Result } from "@/lib/errors";
import { m } from "@/lib/i18n/message";
import { MAX_QUANTITY, availableStock } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { db as writer } from "../db";
import { writeTransaction, type Db } from "../prisma";
import { runCommand } from "../run-command";
import type { SqlTx } from "../sqlite/sql-tx";

export const MAX_CART_LINES = 30;

export interface CartChange {
  productId: string;
  quantity: number;
  /** "add" puts `quantity` more in the cart; "set" makes it `quantity` (0 takes the product out). */
  mode: "add" | "set";
}

export interface CartChanged {
  productId: string;
  title: string;
  shopId: string;
  /** How many of the product the cart now holds (0: taken out). */
  quantity: number;
}

export function updateCart(user: SessionUser, change: CartChange, now: Date, db: Db = writer): Promise<Result<CartChanged>> {
  return runCommand(() => writeTransaction(db, (sql) => executeUpdateCart(sql, user, change, now)));
}

export function executeUpdateCart(sql: SqlTx, user: SessionUser, change: CartChange, now: Date): CartChanged {
  if (user.role !== "BUYER") throw new AppError("FORBIDDEN", m("cart.onlyBuyers"));
  // A product of another world is a product that does not exist.
  const product = sql.get<{ id: string; title: string; shopId: string; stock: number; worldId: string }>(
    `SELECT p."id", p."title", p."shopId", p."stock", s."worldId" FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId" JOIN "User" u ON u."worldId" = s."worldId" WHERE p."id" = ? AND u."id" = ?`,
    change.productId,
    user.id,
  );
  if (!product) throw new AppError("NOT_FOUND", m("cart.unknownProduct"));
  const held = sql.get<{ quantity: number }>(`SELECT "quantity" FROM "CartLine" WHERE "userId" = ? AND "productId" = ?`, user.id, product.id)?.quantity ?? 0;
  const quantity = change.mode === "add" ? held + change.quantity : change.quantity;
  const refuse = (reason: ReturnType<typeof m>): never => {
    throw new AppError("VALIDATION", reason, { quantity: [reason] });
  };
  if (!Number.isSafeInteger(change.quantity) || quantity < 0 || (change.mode === "add" && change.quantity < 1)) refuse(m("checkout.problem.quantityMin", { title: product.title }));
  if (quantity > MAX_QUANTITY) refuse(m("cart.atMost", { title: product.title, max: MAX_QUANTITY, held }));
  // The demo world's products never run dry (checkout restocks them), so only a private world's stock limits a cart.
  const stock = availableStock(product.stock, product.worldId === "demo");
  if (quantity > stock) refuse(m("checkout.problem.stock", { title: product.title, stock: product.stock }));

  if (quantity === 0) {
    sql.run(`DELETE FROM "CartLine" WHERE "userId" = ? AND "productId" = ?`, user.id, product.id);
  } else if (held > 0) {
    sql.run(`UPDATE "CartLine" SET "quantity" = ? WHERE "userId" = ? AND "productId" = ?`, quantity, user.id, product.id);
  } else {
    const lines = sql.get<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "CartLine" WHERE "userId" = ?`, user.id)!.n;
    if (lines >= MAX_CART_LINES) refuse(m("cart.full", { max: MAX_CART_LINES }));
    sql.run(`INSERT INTO "CartLine" ("userId", "productId", "quantity", "addedAt") VALUES (?, ?, ?, ?)`, user.id, product.id, quantity, now);
  }
  return { productId: product.id, title: product.title, shopId: product.shopId, quantity };
}
