import "server-only";
/**
 * The buyer's cart as the cart page and checkout read it: the lines grouped by shop (one order per
 * shop), each shop's lines priced now with its shipping fee, and how many items the cart holds.
 */
import { priceCheckout, type CheckoutLine, type CheckoutProduct, type CheckoutProblem, type PricedCheckout } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";

export interface CartShop {
  shop: { id: string; name: string; policyProfile: string; autoApproveWindow: string };
  lines: { product: CheckoutProduct; quantity: number }[];
  priced: { ok: true; checkout: PricedCheckout } | { ok: false; problems: CheckoutProblem[] };
}

/** The cart by shop, in the order products were first put in it (one statement). */
export async function cartView(user: SessionUser): Promise<CartShop[]> {
  if (user.role !== "BUYER") return [];
  const rows = readSql((sql) =>
    sql.all<CheckoutProduct & { quantity: number; shopName: string; policyProfile: string; autoApproveWindow: string }>(
      `SELECT c."quantity", p."id", p."shopId", p."title", p."priceMinor", p."currency", p."stock", s."name" AS "shopName", s."policyProfile", s."autoApproveWindow"
        FROM "CartLine" c JOIN "Product" p ON p."id" = c."productId" JOIN "Shop" s ON s."id" = p."shopId"
        WHERE c."userId" = ? AND s."worldId" = ? ORDER BY c."addedAt" ASC, c."productId" ASC`,
      user.id,
      user.worldId ?? "demo",
    ),
  );
  const shops = new Map<string, CartShop>();
  for (const { quantity, shopName, policyProfile, autoApproveWindow, ...product } of rows) {
    const entry = shops.get(product.shopId) ?? { shop: { id: product.shopId, name: shopName, policyProfile, autoApproveWindow }, lines: [], priced: { ok: false, problems: [] } };
    entry.lines.push({ product, quantity });
    shops.set(product.shopId, entry);
  }
  for (const entry of shops.values()) {
    entry.priced = priceCheckout({ shopId: entry.shop.id, lines: entry.lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })), products: entry.lines.map((line) => line.product) });
  }
  return [...shops.values()];
}

/** One shop's lines in the cart, as checkout takes them. */
export async function cartLinesOf(user: SessionUser, shopId: string): Promise<CheckoutLine[]> {
  if (user.role !== "BUYER") return [];
  return readSql((sql) =>
    sql.all<CheckoutLine>(
      `SELECT c."productId", c."quantity" FROM "CartLine" c JOIN "Product" p ON p."id" = c."productId" WHERE c."userId" = ? AND p."shopId" = ? ORDER BY c."addedAt" ASC, c."productId" ASC`,
      user.id,
      shopId,
    ),
  );
}

/** How many items the cart holds (the header's "Cart (3)"). */
export function readCartCount(sql: SqlTx, user: SessionUser): number {
  if (user.role !== "BUYER") return 0;
  return sql.get<{ n: number }>(`SELECT COALESCE(SUM("quantity"), 0) AS "n" FROM "CartLine" WHERE "userId" = ?`, user.id)!.n;
}

export async function cartCount(user: SessionUser): Promise<number> {
  return readSql((sql) => readCartCount(sql, user));
}
