import "server-only";
/**
 * The storefront's reads (issue 29): the shops of the viewer's world with their products, one
 * product, and what a checkout needs (the products priced now, the buyer's addresses and payment
 * methods). Everything is scoped to the viewer's world: another world's shop or product is not found.
 */
import { priceCheckout, type CheckoutLine, type CheckoutProduct, type PaymentMethod, type PricedCheckout, type CheckoutProblem } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import type { AddressInput } from "./add-address";
import { readDb } from "../db";
import { walletBalanceOf } from "./wallet";
import type { Db } from "../prisma";

export interface StorefrontShop {
  id: string;
  name: string;
  policyProfile: string;
  autoApproveWindow: string;
  products: CheckoutProduct[];
}

const worldOf = (user: SessionUser) => user.worldId ?? "demo";

/** Every shop of the viewer's world with its products (a world has a handful of shops and dozens of products). */
export async function listStorefront(user: SessionUser, db: Db = readDb): Promise<StorefrontShop[]> {
  const shops = await db.shop.findMany({
    where: { worldId: worldOf(user) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, policyProfile: true, autoApproveWindow: true, products: { orderBy: { title: "asc" }, select: { id: true, shopId: true, title: true, priceMinor: true, currency: true, stock: true } } },
  });
  return shops;
}

export async function findShop(user: SessionUser, shopId: string, db: Db = readDb): Promise<StorefrontShop | null> {
  return db.shop.findFirst({
    where: { id: shopId, worldId: worldOf(user) },
    select: { id: true, name: true, policyProfile: true, autoApproveWindow: true, products: { orderBy: { title: "asc" }, select: { id: true, shopId: true, title: true, priceMinor: true, currency: true, stock: true } } },
  });
}

export async function findProduct(user: SessionUser, productId: string, db: Db = readDb): Promise<(CheckoutProduct & { shop: Omit<StorefrontShop, "products"> }) | null> {
  return db.product.findFirst({
    where: { id: productId, shop: { worldId: worldOf(user) } },
    select: { id: true, shopId: true, title: true, priceMinor: true, currency: true, stock: true, shop: { select: { id: true, name: true, policyProfile: true, autoApproveWindow: true } } },
  });
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
export async function checkoutView(user: SessionUser, shopId: string, lines: CheckoutLine[], db: Db = readDb): Promise<CheckoutView | null> {
  const shop = await findShop(user, shopId, db);
  if (!shop || user.role !== "BUYER") return null;
  const [buyer, addresses, wallet] = await Promise.all([
    db.user.findUnique({ where: { id: user.id }, select: { paymentMethods: true } }),
    db.address.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, line1: true, line2: true, city: true, region: true, postalCode: true, country: true } }),
    walletBalanceOf(user.id, db),
  ]);
  const methods = (buyer?.paymentMethods ?? "").split(",").filter(Boolean) as PaymentMethod[];
  const { products, ...rest } = shop;
  const priced = priceCheckout({ shopId, lines, products, paymentMethod: methods[0] ?? "", buyerMethods: methods });
  return { shop: rest, priced, addresses, methods, walletBalanceMinor: wallet };
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
