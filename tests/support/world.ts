/**
 * A small world for tests: a US and a global shop, buyers, sellers and a support agent, products
 * with stock, and a helper to create an order in any status. Tests create their own orders.
 */
import { buildOrder, type BuildOrderSpec } from "@/lib/server/demo/build-order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Db } from "@/lib/server/prisma";

export const T0 = new Date("2026-03-02T17:00:00.000Z"); // a Monday, 09:00 in Los Angeles

export const buyerAva: SessionUser = { id: "t-buyer-ava", role: "BUYER", name: "Ava Test", shopId: null, shopName: null };
export const buyerBen: SessionUser = { id: "t-buyer-ben", role: "BUYER", name: "Ben Test", shopId: null, shopName: null };
export const sellerUs: SessionUser = { id: "t-seller-us", role: "SELLER", name: "Sally Seller", shopId: "t-shop-us", shopName: "US Test Shop" };
export const sellerGlobal: SessionUser = { id: "t-seller-gl", role: "SELLER", name: "Gus Seller", shopId: "t-shop-gl", shopName: "Global Test Shop" };
export const supportAgent: SessionUser = { id: "t-support", role: "SUPPORT", name: "Sue Support", shopId: null, shopName: null };

export async function createWorld(db: Db): Promise<void> {
  const createdAt = new Date(T0.getTime() - 86_400_000);
  await db.shop.createMany({
    data: [
      { id: "t-shop-us", name: "US Test Shop", policyProfile: "US", createdAt },
      { id: "t-shop-gl", name: "Global Test Shop", policyProfile: "GLOBAL", createdAt },
    ],
  });
  await db.user.createMany({
    data: [buyerAva, buyerBen, sellerUs, sellerGlobal, supportAgent].map((user) => ({
      id: user.id,
      role: user.role,
      name: user.name,
      shopId: user.shopId,
      blurb: "test persona",
      createdAt,
    })),
  });
  await db.product.createMany({
    data: [
      { id: "t-prod-lamp", shopId: "t-shop-us", title: "Desk lamp", priceMinor: 3500, stock: 10 },
      { id: "t-prod-pen", shopId: "t-shop-us", title: "Fountain pen", priceMinor: 1250, stock: 50 },
      { id: "t-prod-kite", shopId: "t-shop-gl", title: "Stunt kite", priceMinor: 4200, stock: 5 },
    ],
  });
}

/**
 * Makes the test database's world a private one that `visitorId` owns, so its clock may be moved:
 * only a private world's owner and facilitators may (lib/worlds.ts). Returns `user` acting from that visitor.
 */
export async function ownTheWorld(db: Db, user: SessionUser, visitorId = "test-visitor"): Promise<SessionUser> {
  await db.world.update({ where: { id: "demo" }, data: { kind: "PRIVATE", ownerId: visitorId } });
  await db.worldMember.upsert({
    where: { worldId_visitorId: { worldId: "demo", visitorId } },
    create: { id: `m-${visitorId}`, worldId: "demo", visitorId, name: "Test owner", role: "OWNER", joinedAt: T0 },
    update: {},
  });
  return { ...user, visitorId };
}

/** A 2 × lamp + 1 × pen order from Ava at the US shop ($82.50 + $5.99 shipping), in `status`. */
export function createOrder(db: Db, overrides: Partial<BuildOrderSpec> & Pick<BuildOrderSpec, "status">) {
  return buildOrder(db, {
    buyerId: buyerAva.id,
    shopId: "t-shop-us",
    items: [
      { productId: "t-prod-lamp", quantity: 2 },
      { productId: "t-prod-pen", quantity: 1 },
    ],
    shippingFeeMinor: 599,
    paymentMethod: "CARD",
    placedAt: T0,
    ...overrides,
  });
}
