import "server-only";
/**
 * The buyer's cart as the cart page and checkout read it: the lines grouped by shop (one order per
 * shop), each shop's lines priced now with its shipping fee, and how many items the cart holds.
 */
import { priceCheckout, type CheckoutLine, type CheckoutProduct, type CheckoutProblem, type PricedCheckout } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import type { Db } from "../prisma";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";

export interface CartShop {
  shop: { id: string; name: string; policyProfile: string; autoApproveWindow: string };
  lines: { product: CheckoutProduct; quantity: number }[];
  priced: { ok: true; checkout: PricedCheckout } | { ok: false; problems: CheckoutProblem[] };
}

const PRODUCT = { id: true, shopId: true, title: true, priceMinor: true, currency: true, stock: true } as const;

/** The cart by shop, in the order products were first put in it (one query). */
export async function cartView(user: SessionUser, db: Db = readDb): Promise<CartShop[]> {
  if (user.role !== "BUYER") return [];
  const rows = await db.cartLine.findMany({
    where: { userId: user.id, product: { shop: { worldId: user.worldId ?? "demo" } } },
    orderBy: [{ addedAt: "asc" }, { productId: "asc" }],
    select: { quantity: true, product: { select: { ...PRODUCT, shop: { select: { id: true, name: true, policyProfile: true, autoApproveWindow: true } } } } },
  });
  const shops = new Map<string, CartShop>();
  for (const row of rows) {
    const { shop, ...product } = row.product;
    const entry = shops.get(shop.id) ?? { shop, lines: [], priced: { ok: false, problems: [] } };
    entry.lines.push({ product, quantity: row.quantity });
    shops.set(shop.id, entry);
  }
  for (const entry of shops.values()) {
    entry.priced = priceCheckout({ shopId: entry.shop.id, lines: entry.lines.map((line) => ({ productId: line.product.id, quantity: line.quantity })), products: entry.lines.map((line) => line.product) });
  }
  return [...shops.values()];
}

/** One shop's lines in the cart, as checkout takes them. */
export async function cartLinesOf(user: SessionUser, shopId: string, db: Db = readDb): Promise<CheckoutLine[]> {
  if (user.role !== "BUYER") return [];
  const rows = await db.cartLine.findMany({ where: { userId: user.id, product: { shopId } }, orderBy: [{ addedAt: "asc" }, { productId: "asc" }], select: { productId: true, quantity: true } });
  return rows;
}

/** How many items the cart holds (the header's "Cart (3)"). */
export function readCartCount(sql: SqlTx, user: SessionUser): number {
  if (user.role !== "BUYER") return 0;
  return sql.get<{ n: number }>(`SELECT COALESCE(SUM("quantity"), 0) AS "n" FROM "CartLine" WHERE "userId" = ?`, user.id)!.n;
}

export async function cartCount(user: SessionUser): Promise<number> {
  return readSql((sql) => readCartCount(sql, user));
}
