/**
 * Checkout as the platform prices it (issue 29): the lines a buyer takes from one shop, the shipping
 * fee, the total, and why a checkout cannot go ahead — each refusal a message next to its field.
 * Pure: the service reads the products, the buyer's methods and addresses, and writes the order.
 */
import { m, money, type Message } from "../i18n/message";
import { PAYMENT_METHODS } from "./model";

/** At most this many of one product in one order (the storefront's quantity picker stops here too). */
export const MAX_QUANTITY = 10;
/** Shipping is free from this subtotal (in the shop's currency's minor units); below it, a flat fee. */
export const FREE_SHIPPING_FROM_MINOR = 5000;
export const SHIPPING_FEE_MINOR = 599;

export interface CheckoutProduct {
  id: string;
  shopId: string;
  title: string;
  priceMinor: number;
  currency: string;
  stock: number;
}

export interface CheckoutLine {
  productId: string;
  quantity: number;
}

export interface PricedCheckout {
  lines: { product: CheckoutProduct; quantity: number; totalMinor: number }[];
  currency: string;
  itemsMinor: number;
  shippingFeeMinor: number;
  totalMinor: number;
}

export type CheckoutProblem = { field: string; reason: Message };

/** The shipping fee for a subtotal: free from the threshold, else the flat fee. */
export function shippingFeeFor(itemsMinor: number): number {
  return itemsMinor >= FREE_SHIPPING_FROM_MINOR ? 0 : SHIPPING_FEE_MINOR;
}

/**
 * Prices a checkout from the products as they are now, or says what is wrong: an unknown product
 * or one of another shop, a quantity out of range or above the stock, a payment method the buyer
 * does not have, and a total other than the one the buyer saw (a price changed, or the form was
 * tampered with).
 */
export function priceCheckout(input: {
  shopId: string;
  lines: CheckoutLine[];
  products: CheckoutProduct[];
  /** How the buyer pays, checked against the methods they have (left out where no method is chosen yet: a cart). */
  paymentMethod?: string;
  buyerMethods?: readonly string[];
  /** The total the buyer was shown, when the form sent one. */
  expectedTotalMinor?: number;
}): { ok: true; checkout: PricedCheckout } | { ok: false; problems: CheckoutProblem[] } {
  const problems: CheckoutProblem[] = [];
  if (input.lines.length === 0) problems.push({ field: "lines", reason: m("checkout.problem.empty") });
  const lines: PricedCheckout["lines"] = [];
  input.lines.forEach((line, index) => {
    const field = `quantity.${index}`;
    const product = input.products.find((p) => p.id === line.productId && p.shopId === input.shopId);
    if (!product) return problems.push({ field, reason: m("checkout.problem.unknownProduct") });
    if (!Number.isInteger(line.quantity) || line.quantity < 1) return problems.push({ field, reason: m("checkout.problem.quantityMin", { title: product.title }) });
    if (line.quantity > MAX_QUANTITY) return problems.push({ field, reason: m("checkout.problem.quantityMax", { title: product.title, max: MAX_QUANTITY }) });
    if (line.quantity > product.stock) return problems.push({ field, reason: m("checkout.problem.stock", { title: product.title, stock: product.stock }) });
    lines.push({ product, quantity: line.quantity, totalMinor: product.priceMinor * line.quantity });
  });
  if (new Set(input.lines.map((line) => line.productId)).size !== input.lines.length) problems.push({ field: "lines", reason: m("checkout.problem.duplicate") });
  if (input.paymentMethod !== undefined && (!(PAYMENT_METHODS as readonly string[]).includes(input.paymentMethod) || !(input.buyerMethods ?? []).includes(input.paymentMethod))) {
    problems.push({ field: "paymentMethod", reason: m("checkout.problem.method") });
  }
  const currencies = new Set(lines.map((line) => line.product.currency));
  if (currencies.size > 1) problems.push({ field: "lines", reason: m("checkout.problem.currencies") });
  if (problems.length > 0) return { ok: false, problems };

  const currency = lines[0]!.product.currency;
  const itemsMinor = lines.reduce((sum, line) => sum + line.totalMinor, 0);
  const shippingFeeMinor = shippingFeeFor(itemsMinor);
  const totalMinor = itemsMinor + shippingFeeMinor;
  if (input.expectedTotalMinor !== undefined && input.expectedTotalMinor !== totalMinor) {
    return { ok: false, problems: [{ field: "total", reason: m("checkout.problem.totalChanged", { total: money(totalMinor, currency) }) }] };
  }
  return { ok: true, checkout: { lines, currency, itemsMinor, shippingFeeMinor, totalMinor } };
}

/**
 * The shared demo world never runs dry: a product with fewer than this many left is restocked to
 * DEMO_RESTOCK_TO when someone checks out (shown on the shop's page). Private worlds keep their stock.
 */
export const DEMO_RESTOCK_BELOW = 10;
export const DEMO_RESTOCK_TO = 50;

/** How many of a product a buyer may have: the shop's stock, which in the demo world is restocked before it could run out. */
export function availableStock(stock: number, demoWorld: boolean): number {
  return demoWorld ? Math.max(stock, DEMO_RESTOCK_TO) : stock;
}

/** Where the simulated shops ship to (ISO 3166 codes; pages name them with Intl.DisplayNames). */
export const SHIPPING_COUNTRIES = ["US", "TW", "HK", "CN", "SG", "MY", "JP", "GB", "CA", "AU"] as const;
