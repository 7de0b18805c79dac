/**
 * The demo world: shops, personas, products and orders in every stage, placed relative to the app
 * clock so that the freshest orders are still inside their 1-hour cancellation window. The same
 * people and products every time; only the timestamps move with the clock.
 */
import type { Db } from "../prisma";
import { buildOrder, type BuildOrderSpec } from "./build-order";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEMO_SHOPS = [
  { id: "shop-maple", name: "Maple & Moss Home", policyProfile: "US", autoApproveWindow: "OFF" },
  { id: "shop-kite", name: "Kite Street Gadgets", policyProfile: "GLOBAL", autoApproveWindow: "H1" },
] as const;

export const DEMO_USERS = [
  { id: "buyer-ava", role: "BUYER", name: "Ava Thompson", shopId: null, blurb: "Buyer who pays by card. Has orders paid minutes ago, still in the 1-hour window where cancelling is instant." },
  { id: "buyer-ben", role: "BUYER", name: "Ben Okafor", shopId: null, blurb: "Buyer who pays with PayPal. Has orders at every stage, from unpaid to delivered." },
  { id: "buyer-chloe", role: "BUYER", name: "Chloe Martin", shopId: null, blurb: "Buyer who pays from the platform wallet, where refunds arrive at once." },
  { id: "seller-maya", role: "SELLER", name: "Maya Patel", shopId: "shop-maple", blurb: "Runs Maple & Moss Home (US rules). Sees cancellations, reasons and who cancelled, and the shop's notifications." },
  { id: "seller-kenji", role: "SELLER", name: "Kenji Mori", shopId: "shop-kite", blurb: "Runs Kite Street Gadgets (global rules from the seed article)." },
  { id: "support-sam", role: "SUPPORT", name: "Sam Rivera", shopId: null, blurb: "Platform support agent. Sees every order with its timeline and money." },
] as const;

export const DEMO_PRODUCTS = [
  { id: "prod-mug", shopId: "shop-maple", title: "Stoneware mug, moss glaze", priceMinor: 1800, stock: 120 },
  { id: "prod-throw", shopId: "shop-maple", title: "Wool throw blanket", priceMinor: 6400, stock: 40 },
  { id: "prod-candle", shopId: "shop-maple", title: "Cedar soy candle", priceMinor: 2200, stock: 75 },
  { id: "prod-earbuds", shopId: "shop-kite", title: "Wireless earbuds", priceMinor: 4999, stock: 60 },
  { id: "prod-cable", shopId: "shop-kite", title: "Braided USB-C cable (2 m)", priceMinor: 1299, stock: 300 },
  { id: "prod-stand", shopId: "shop-kite", title: "Aluminium phone stand", priceMinor: 2450, stock: 90 },
] as const;

type DemoOrder = Omit<BuildOrderSpec, "placedAt"> & { code: string; placedAgoMs: number };

const DEMO_ORDERS: DemoOrder[] = [
  // Ava (card)
  { code: "100101", buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "prod-throw", quantity: 1 }, { productId: "prod-mug", quantity: 2 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "ON_HOLD", placedAgoMs: 6 * MINUTE },
  { code: "100102", buyerId: "buyer-ava", shopId: "shop-kite", items: [{ productId: "prod-earbuds", quantity: 1 }], shippingFeeMinor: 399, paymentMethod: "CARD", status: "ON_HOLD", placedAgoMs: 15 * MINUTE },
  { code: "100103", buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "prod-candle", quantity: 3 }], shippingFeeMinor: 499, paymentMethod: "CARD", status: "AWAITING_SHIPMENT", placedAgoMs: 5 * HOUR },
  { code: "100104", buyerId: "buyer-ava", shopId: "shop-kite", items: [{ productId: "prod-stand", quantity: 1 }], shippingFeeMinor: 399, paymentMethod: "CARD", status: "IN_TRANSIT", placedAgoMs: 2 * DAY },
  { code: "100105", buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "prod-mug", quantity: 4 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "DELIVERED", placedAgoMs: 6 * DAY },
  { code: "100106", buyerId: "buyer-ava", shopId: "shop-maple", items: [{ productId: "prod-candle", quantity: 1 }], shippingFeeMinor: 499, paymentMethod: "CARD", status: "CANCELLED", placedAgoMs: 3 * DAY, cancelReasonKey: "better_price" },
  // Ben (PayPal)
  { code: "100201", buyerId: "buyer-ben", shopId: "shop-kite", items: [{ productId: "prod-cable", quantity: 3 }], shippingFeeMinor: 0, paymentMethod: "PAYPAL", status: "ON_HOLD", placedAgoMs: 25 * MINUTE },
  { code: "100202", buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "prod-throw", quantity: 2 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "UNPAID", placedAgoMs: 10 * MINUTE },
  { code: "100203", buyerId: "buyer-ben", shopId: "shop-kite", items: [{ productId: "prod-earbuds", quantity: 1 }, { productId: "prod-cable", quantity: 1 }], shippingFeeMinor: 399, paymentMethod: "PAYPAL", status: "AWAITING_COLLECTION", placedAgoMs: 1 * DAY + 2 * HOUR },
  { code: "100204", buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "prod-mug", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "COMPLETED", placedAgoMs: 40 * DAY },
  // Chloe (wallet)
  { code: "100301", buyerId: "buyer-chloe", shopId: "shop-maple", items: [{ productId: "prod-candle", quantity: 2 }], shippingFeeMinor: 499, paymentMethod: "WALLET", status: "ON_HOLD", placedAgoMs: 4 * MINUTE },
  { code: "100302", buyerId: "buyer-chloe", shopId: "shop-kite", items: [{ productId: "prod-stand", quantity: 2 }], shippingFeeMinor: 399, paymentMethod: "WALLET", status: "AWAITING_SHIPMENT", placedAgoMs: 1 * DAY },
  { code: "100303", buyerId: "buyer-chloe", shopId: "shop-maple", items: [{ productId: "prod-throw", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "WALLET", status: "DELIVERED", placedAgoMs: 8 * DAY },
];

/** Seeds the demo world into an empty database. Returns false, changing nothing, when there is data already. */
export async function seedDemoWorld(db: Db, now: Date): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const createdAt = new Date(now.getTime() - 60 * DAY);
  await db.$transaction(async (tx) => {
    await tx.shop.createMany({ data: DEMO_SHOPS.map((shop) => ({ ...shop, createdAt })) });
    await tx.user.createMany({ data: DEMO_USERS.map((user, index) => ({ ...user, sortOrder: index, createdAt })) });
    await tx.product.createMany({ data: DEMO_PRODUCTS.map((product) => ({ ...product, currency: "USD" })) });
  });
  // Oldest first, so that the audit trail reads in the order things happened.
  for (const order of [...DEMO_ORDERS].sort((a, b) => b.placedAgoMs - a.placedAgoMs)) {
    const { placedAgoMs, ...spec } = order;
    await buildOrder(db, { ...spec, placedAt: new Date(now.getTime() - placedAgoMs) });
  }
  return true;
}
