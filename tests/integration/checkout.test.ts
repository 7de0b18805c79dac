/**
 * Checkout (issue 29): an order placed from the storefront is written through the runner like any
 * command — order, items, payment deadline, first event, stock — and "Place and pay" pays it in the
 * same transaction. Stock is never sold twice; every bad input is refused next to its field with
 * nothing written; a double-click is one order.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { placeOrder, type PlaceOrderInput } from "@/lib/server/orders/place-order";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { inEnglish, say } from "../support/order-state";
import { T0, buyerAva, buyerBen, createWorld, sellerUs } from "../support/world";

const now = new Date(T0.getTime() + 60_000);
const PRIVATE = "w-checkout";
/** Buyers of a private world (no restocking there), racing for its last units. */
const racers: SessionUser[] = Array.from({ length: 20 }, (_, i) => ({ id: `t-racer-${i}`, worldId: PRIVATE, role: "BUYER", name: `Racer ${i}`, shopId: null, shopName: null }));

const input = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  shopId: "t-shop-us",
  lines: [{ productId: "t-prod-lamp", quantity: 2 }],
  addressId: "t-address-ava",
  paymentMethod: "PAYPAL",
  pay: false,
  ...overrides,
});

const counts = async () => ({
  orders: await db.order.count(),
  items: await db.orderItem.count(),
  ledger: await db.ledgerEntry.count(),
  stock: (await db.product.findUniqueOrThrow({ where: { id: "t-prod-lamp" } })).stock,
});

beforeAll(async () => {
  await createWorld(db);
  await db.user.update({ where: { id: buyerBen.id }, data: { paymentMethods: "WALLET,CARD" } });
  // Enough lamps that the demo world's restocking never starts during these tests.
  await db.product.update({ where: { id: "t-prod-lamp" }, data: { stock: 40 } });
  await db.address.createMany({
    data: [
      { id: "t-address-ava", userId: buyerAva.id, name: "Ava Test", line1: "1 Main St", city: "Seattle", region: "WA", postalCode: "98101", country: "US", createdAt: T0 },
      { id: "t-address-ben", userId: buyerBen.id, name: "Ben Test", line1: "2 Main St", city: "Austin", region: "TX", postalCode: "78701", country: "US", createdAt: T0 },
    ],
  });
  await db.shop.create({ data: { id: "t-shop-private", worldId: PRIVATE, name: "Private Shop", policyProfile: "US", createdAt: T0 } });
  await db.product.create({ data: { id: "t-prod-last", shopId: "t-shop-private", title: "Last lantern", priceMinor: 2000, stock: 5 } });
  await db.user.createMany({ data: racers.map((racer) => ({ id: racer.id, worldId: PRIVATE, role: "BUYER", name: racer.name, blurb: "racer", createdAt: T0 })) });
  await db.address.createMany({ data: racers.map((racer) => ({ id: `a-${racer.id}`, userId: racer.id, name: racer.name, line1: "3 Main St", city: "Reno", postalCode: "89501", country: "US", createdAt: T0 })) });
});

describe("placing an order", () => {
  it("writes the order, its items, the payment deadline and its first event, and takes the stock; priced by the server", async () => {
    const before = await counts();
    const result = await placeOrder(buyerAva, input({ expectedTotalMinor: 7000 }), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ status: "UNPAID", totalMinor: 7000, currency: "USD" });
    const order = await db.order.findUniqueOrThrow({ where: { id: result.value.orderId }, include: { items: true, deadlines: true, events: true } });
    // $35.00 × 2 = $70.00: shipping is free from $50.
    expect(order).toMatchObject({ status: "UNPAID", buyerId: buyerAva.id, shopId: "t-shop-us", itemsMinor: 7000, shippingFeeMinor: 0, totalMinor: 7000, paymentMethod: "PAYPAL", version: 0, worldId: "demo" });
    expect(order.shipTo).toBe("Ava Test\n1 Main St\nSeattle WA 98101\nUS");
    expect(order.items.map((item) => [item.productId, item.quantity, item.unitPriceMinor])).toEqual([["t-prod-lamp", 2, 3500]]);
    expect(order.deadlines.map((d) => d.kind).sort()).toEqual(["PAYMENT", "PAYMENT_REMINDER"]);
    expect(inEnglish(order.events.map((e) => e.summary))).toEqual(["Order placed: $70.00 including $0.00 shipping."]);
    expect((await counts()).stock).toBe(before.stock - 2);
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("“Place and pay” pays in the same transaction: escrow holds the total, the 1-hour window opens; the buyer can cancel it at once", async () => {
    const result = await placeOrder(buyerAva, input({ lines: [{ productId: "t-prod-pen", quantity: 1 }], pay: true, expectedTotalMinor: 1849 }), now);
    expect(result.ok && result.value.status).toBe("ON_HOLD");
    if (!result.ok) return;
    const order = await db.order.findUniqueOrThrow({ where: { id: result.value.orderId }, include: { ledgerEntries: true } });
    // $12.50 + $5.99 shipping under $50.
    expect(order).toMatchObject({ status: "ON_HOLD", totalMinor: 1849, shippingFeeMinor: 599, version: 1 });
    expect(order.paidAt?.toISOString()).toBe(now.toISOString());
    expect(order.ledgerEntries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(0);
    const cancel = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: 1, reasonKey: "better_price" }, new Date(now.getTime() + 60_000));
    expect(cancel.ok && cancel.value.status).toBe("CANCELLED");
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("a double-click is one order: the same key returns the first result and takes no more stock", async () => {
    const before = await counts();
    const [first, second] = await Promise.all([placeOrder(buyerAva, input({ idempotencyKey: "double-1", pay: true }), now), placeOrder(buyerAva, input({ idempotencyKey: "double-1", pay: true }), now)]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value.orderId).toBe(first.value.orderId);
    const after = await counts();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.stock).toBe(before.stock - 2);
    // The key is this buyer's: another buyer reusing it is refused.
    const stolen = await placeOrder(buyerBen, input({ idempotencyKey: "double-1", addressId: "t-address-ben", paymentMethod: "CARD" }), now);
    expect(!stolen.ok && stolen.error.code).toBe("CONFLICT");
  });
});

describe("bad input is refused next to its field, and nothing is written", () => {
  const cases: [string, SessionUser, Partial<PlaceOrderInput>, string, RegExp][] = [
    ["an unknown product", buyerAva, { lines: [{ productId: "nope", quantity: 1 }] }, "quantity.0", /not sold by this shop/],
    ["another shop's product", buyerAva, { lines: [{ productId: "t-prod-kite", quantity: 1 }] }, "quantity.0", /not sold by this shop/],
    ["another world's product", buyerAva, { lines: [{ productId: "t-prod-last", quantity: 1 }] }, "quantity.0", /not sold by this shop/],
    ["a quantity of 0", buyerAva, { lines: [{ productId: "t-prod-lamp", quantity: 0 }] }, "quantity.0", /at least 1/],
    ["a fractional quantity", buyerAva, { lines: [{ productId: "t-prod-lamp", quantity: 1.5 }] }, "quantity.0", /at least 1/],
    // In a private world (the demo world restocks): 6 of the 5 left.
    ["more than the stock", racers[19]!, { shopId: "t-shop-private", lines: [{ productId: "t-prod-last", quantity: 6 }], addressId: `a-${racers[19]!.id}` }, "quantity.0", /Only 5 “Last lantern” are left/],
    ["more than 10 of one product", buyerAva, { lines: [{ productId: "t-prod-pen", quantity: 11 }] }, "quantity.0", /At most 10/],
    ["a tampered total (price or shipping)", buyerAva, { expectedTotalMinor: 100 }, "total", /The total is now \$70\.00/],
    ["an address of someone else", buyerAva, { addressId: "t-address-ben" }, "addressId", /Choose an address/],
    ["a payment method the buyer does not have", buyerBen, { addressId: "t-address-ben", paymentMethod: "PAYPAL" }, "paymentMethod", /your payment methods/],
    ["a payment method that does not exist", buyerAva, { paymentMethod: "GOLD" }, "paymentMethod", /your payment methods/],
    ["no items", buyerAva, { lines: [] }, "lines", /at least one item/],
  ];
  for (const [what, who, overrides, field, sentence] of cases) {
    it(what, async () => {
      const before = await counts();
      const result = await placeOrder(who, input(overrides), now);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("VALIDATION");
      expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
      expect(say(result.error.fieldErrors![field]![0])).toMatch(sentence);
      expect(await counts()).toEqual(before);
    });
  }

  it("a seller, or a shop of another world, cannot check out", async () => {
    expect((await placeOrder(sellerUs, input(), now)).ok).toBe(false);
    const otherWorld = await placeOrder(racers[0]!, input({ addressId: `a-${racers[0]!.id}` }), now);
    expect(!otherWorld.ok && otherWorld.error.code).toBe("NOT_FOUND");
  });
});

describe("stock under a race", () => {
  it("20 buyers at once for the last 5 units: exactly 5 orders, stock 0 and never negative, the others told it sold out", async () => {
    const results = await Promise.all(
      racers.map((racer) => placeOrder(racer, { shopId: "t-shop-private", lines: [{ productId: "t-prod-last", quantity: 1 }], addressId: `a-${racer.id}`, paymentMethod: "CARD", pay: true }, now)),
    );
    const won = results.filter((result) => result.ok);
    expect(won).toHaveLength(5);
    expect((await db.product.findUniqueOrThrow({ where: { id: "t-prod-last" } })).stock).toBe(0);
    expect(await db.order.count({ where: { shopId: "t-shop-private" } })).toBe(5);
    for (const result of results) if (!result.ok) expect(say(result.error.message)).toMatch(/“Last lantern” is sold out/);
    expect(inEnglish(await checkOrders(db, won.map((result) => (result.ok ? result.value.orderId : ""))))).toEqual([]);
  });

  it("the shared demo world never runs dry: a product nearly gone is restocked when someone buys it", async () => {
    await db.product.update({ where: { id: "t-prod-pen" }, data: { stock: 1 } });
    const result = await placeOrder(buyerAva, input({ lines: [{ productId: "t-prod-pen", quantity: 3 }] }), now);
    expect(result.ok).toBe(true);
    expect((await db.product.findUniqueOrThrow({ where: { id: "t-prod-pen" } })).stock).toBe(47);
  });
});
