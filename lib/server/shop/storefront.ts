import "server-only";
import { placeholders } from "../sqlite/sql-tx";
/**
 * The storefront's reads (issue 29): the shops of the viewer's world with their products, one
 * product, and what a checkout needs (the products priced now, the buyer's addresses and payment
 * methods). Everything is scoped to the viewer's world: another world's shop or product is not found.
 * Each is one snapshot on the page reads' connection (issue 32).
 */
import { priceCheckout, type CheckoutLine, type CheckoutProduct, type PaymentMethod, type PricedCheckout, type CheckoutProblem } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import type { AddressInput } from "./add-address";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";
import { readWalletBalance } from "./wallet";

export interface StorefrontShop {
  id: string;
  name: string;
  policyProfile: string;
  autoApproveWindow: string;
  products: CheckoutProduct[];
}

const worldOf = (user: SessionUser) => user.worldId ?? "demo";
const SHOP = `s."id", s."name", s."policyProfile", s."autoApproveWindow"`;
const PRODUCT = `p."id", p."shopId", p."title", p."priceMinor", p."currency", p."stock"`;
type ShopRow = Omit<StorefrontShop, "products">;

/** The shops' products, by title, in one statement for all of them. */
function withProducts(sql: SqlTx, shops: ShopRow[]): StorefrontShop[] {
  if (shops.length === 0) return [];
  const products = sql.all<CheckoutProduct>(`SELECT ${PRODUCT} FROM "Product" p WHERE p."shopId" IN (${placeholders(shops)}) ORDER BY p."title" ASC`, ...shops.map((shop) => shop.id));
  return shops.map((shop) => ({ ...shop, products: products.filter((product) => product.shopId === shop.id) }));
}

/** Every shop of the viewer's world with its products (a world has a handful of shops and dozens of products). */
export async function listStorefront(user: SessionUser): Promise<StorefrontShop[]> {
  return readSql((sql) => withProducts(sql, sql.all<ShopRow>(`SELECT ${SHOP} FROM "Shop" s WHERE s."worldId" = ? ORDER BY s."name" ASC`, worldOf(user))));
}

function readShop(sql: SqlTx, user: SessionUser, shopId: string): StorefrontShop | null {
  const shop = sql.get<ShopRow>(`SELECT ${SHOP} FROM "Shop" s WHERE s."id" = ? AND s."worldId" = ?`, shopId, worldOf(user));
  return shop ? withProducts(sql, [shop])[0]! : null;
}

export async function findShop(user: SessionUser, shopId: string): Promise<StorefrontShop | null> {
  return readSql((sql) => readShop(sql, user, shopId));
}

export async function findProduct(user: SessionUser, productId: string): Promise<(CheckoutProduct & { shop: Omit<StorefrontShop, "products"> }) | null> {
  const row = readSql((sql) =>
    sql.get<CheckoutProduct & { shopName: string; policyProfile: string; autoApproveWindow: string }>(
      `SELECT ${PRODUCT}, s."name" AS "shopName", s."policyProfile", s."autoApproveWindow" FROM "Product" p JOIN "Shop" s ON s."id" = p."shopId" WHERE p."id" = ? AND s."worldId" = ?`,
      productId,
      worldOf(user),
    ),
  );
  if (!row) return null;
  const { shopName, policyProfile, autoApproveWindow, ...product } = row;
  return { ...product, shop: { id: product.shopId, name: shopName, policyProfile, autoApproveWindow } };
}

/** A saved address as checkout offers it: what was entered (add-address.ts), with its id. */
export type SavedAddress = AddressInput & { id: string };

export interface CheckoutView {
  shop: Omit<StorefrontShop, "products">;
  priced: { ok: true; checkout: PricedCheckout } | { ok: false; problems: CheckoutProblem[] };
  addresses: SavedAddress[];
  methods: PaymentMethod[];
  /** What the buyer's wallet holds now (shown beside "Platform wallet"). */
  walletBalanceMinor: number;
}

/** What the checkout page shows: the lines priced now (or why they cannot be bought), the buyer's addresses and methods. */
export async function checkoutView(user: SessionUser, shopId: string, lines: CheckoutLine[]): Promise<CheckoutView | null> {
  if (user.role !== "BUYER") return null;
  const read = readSql((sql) => {
    const shop = readShop(sql, user, shopId);
    if (!shop) return null;
    const buyer = sql.get<{ paymentMethods: string }>(`SELECT "paymentMethods" FROM "User" WHERE "id" = ?`, user.id);
    const addresses = sql.all<SavedAddress>(
      `SELECT "id", "name", "line1", "line2", "city", "region", "postalCode", "country" FROM "Address" WHERE "userId" = ? ORDER BY "createdAt" ASC`,
      user.id,
    );
    return { shop, buyer, addresses, wallet: readWalletBalance(sql, user.id) };
  });
  if (!read) return null;
  const methods = (read.buyer?.paymentMethods ?? "").split(",").filter(Boolean) as PaymentMethod[];
  const { products, ...rest } = read.shop;
  const priced = priceCheckout({ shopId, lines, products, paymentMethod: methods[0] ?? "", buyerMethods: methods });
  return { shop: rest, priced, addresses: read.addresses, methods, walletBalanceMinor: read.wallet };
}

/** "p1:2,p2:1" → lines; anything malformed is left out (the checkout then says what is missing). */
export function parseLines(value: string | undefined): CheckoutLine[] {
  if (!value) return [];
  return value
    .split(",")
    .slice(0, 20)
    .map((part) => part.split(":"))
    .filter((pair): pair is [string, string] => pair.length === 2 && /^[\w:.-]{1,100}$/.test(pair[0]!) && /^\d{1,3}$/.test(pair[1]!))
    .map(([productId, quantity]) => ({ productId, quantity: Number(quantity) }));
}
