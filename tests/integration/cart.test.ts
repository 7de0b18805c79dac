/**
 * The cart (issue 29): a buyer puts products of their own world in it, changes how many, takes them
 * out; it holds at most MAX_QUANTITY of one product and MAX_CART_LINES products; it is read by shop,
 * each shop priced with its shipping; checking out one shop from the cart takes that shop's lines
 * out and leaves the others.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_QUANTITY } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { placeOrder } from "@/lib/server/orders/place-order";
import { cartCount, cartLinesOf, cartView } from "@/lib/server/shop/cart";
import { MAX_CART_LINES, updateCart } from "@/lib/server/shop/update-cart";
import { inEnglish } from "../support/order-state";
import { T0, buyerAva, buyerBen, createWorld, sellerUs } from "../support/world";

let now = new Date(T0.getTime() + 60_000);
const later = () => (now = new Date(now.getTime() + 1000));
const lines = async (user: SessionUser) => (await db.cartLine.findMany({ where: { userId: user.id }, orderBy: { productId: "asc" } })).map((line) => [line.productId, line.quantity]);

beforeAll(async () => {
  await createWorld(db);
  await db.address.create({ data: { id: "t-address-ava", userId: buyerAva.id, name: "Ava Test", line1: "1 Main St", city: "Seattle", region: "WA", postalCode: "98101", country: "US", createdAt: T0 } });
  await db.shop.create({ data: { id: "t-shop-elsewhere", worldId: "w-elsewhere", name: "Elsewhere", policyProfile: "US", createdAt: T0 } });
  await db.product.create({ data: { id: "t-prod-elsewhere", shopId: "t-shop-elsewhere", title: "Elsewhere mug", priceMinor: 900, stock: 9 } });
  await db.product.createMany({ data: Array.from({ length: MAX_CART_LINES }, (_, i) => ({ id: `t-prod-many-${i}`, shopId: "t-shop-gl", title: `Sticker ${i}`, priceMinor: 100, stock: 100 })) });
});

describe("putting things in the cart", () => {
  it("adds, adds more, sets and takes out; the header counts the items", async () => {
    expect((await updateCart(buyerAva, { productId: "t-prod-pen", quantity: 2, mode: "add" }, later())).ok).toBe(true);
    expect(await updateCart(buyerAva, { productId: "t-prod-pen", quantity: 1, mode: "add" }, later())).toMatchObject({ ok: true, value: { quantity: 3, title: "Fountain pen", shopId: "t-shop-us" } });
    expect((await updateCart(buyerAva, { productId: "t-prod-kite", quantity: 1, mode: "add" }, later())).ok).toBe(true);
    expect(await lines(buyerAva)).toEqual([
      ["t-prod-kite", 1],
      ["t-prod-pen", 3],
    ]);
    expect(await cartCount(buyerAva)).toBe(4);
    expect(await updateCart(buyerAva, { productId: "t-prod-pen", quantity: 5, mode: "set" }, later())).toMatchObject({ ok: true, value: { quantity: 5 } });
    expect(await updateCart(buyerAva, { productId: "t-prod-kite", quantity: 0, mode: "set" }, later())).toMatchObject({ ok: true, value: { quantity: 0 } });
    expect(await lines(buyerAva)).toEqual([["t-prod-pen", 5]]);
    // Another buyer's cart is their own.
    expect(await lines(buyerBen)).toEqual([]);
  });

  it("refuses more than one order may hold, another world's product, a seller, and a full cart — next to the quantity, nothing changed", async () => {
    const before = await lines(buyerAva);
    expect(inEnglish(await updateCart(buyerAva, { productId: "t-prod-pen", quantity: MAX_QUANTITY, mode: "add" }, later()))).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { quantity: ["At most 10 of “Fountain pen” in one order: your cart already holds 5."] } },
    });
    expect(inEnglish(await updateCart(buyerAva, { productId: "t-prod-pen", quantity: 0, mode: "add" }, later()))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(inEnglish(await updateCart(buyerAva, { productId: "t-prod-pen", quantity: -1, mode: "set" }, later()))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(inEnglish(await updateCart(buyerAva, { productId: "t-prod-elsewhere", quantity: 1, mode: "add" }, later()))).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "This product is not sold in your world." } });
    expect(inEnglish(await updateCart(sellerUs, { productId: "t-prod-pen", quantity: 1, mode: "add" }, later()))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await lines(buyerAva)).toEqual(before);
    for (let i = 0; i < MAX_CART_LINES; i++) await updateCart(buyerBen, { productId: `t-prod-many-${i}`, quantity: 1, mode: "add" }, later());
    expect(inEnglish(await updateCart(buyerBen, { productId: "t-prod-pen", quantity: 1, mode: "add" }, later()))).toMatchObject({ ok: false, error: { code: "VALIDATION", message: `Your cart holds at most ${MAX_CART_LINES} different products. Check out or remove some first.` } });
    expect(await db.cartLine.count({ where: { userId: buyerBen.id } })).toBe(MAX_CART_LINES);
  });
});

describe("checking out from the cart", () => {
  it("reads the cart by shop, each priced with its shipping; checking out one shop takes its lines out and leaves the other's", async () => {
    await updateCart(buyerAva, { productId: "t-prod-lamp", quantity: 1, mode: "add" }, later());
    await updateCart(buyerAva, { productId: "t-prod-kite", quantity: 1, mode: "add" }, later());
    const shops = await cartView(buyerAva);
    expect(shops.map((shop) => [shop.shop.id, shop.lines.map((line) => [line.product.id, line.quantity])])).toEqual([
      [
        "t-shop-us",
        [
          ["t-prod-pen", 5],
          ["t-prod-lamp", 1],
        ],
      ],
      ["t-shop-gl", [["t-prod-kite", 1]]],
    ]);
    // 5 × $12.50 + $35.00 = $97.50, free shipping; one kite $42.00 + $5.99.
    expect(shops.map((shop) => shop.priced.ok && [shop.priced.checkout.itemsMinor, shop.priced.checkout.shippingFeeMinor, shop.priced.checkout.totalMinor])).toEqual([
      [9750, 0, 9750],
      [4200, 599, 4799],
    ]);

    const us = await cartLinesOf(buyerAva, "t-shop-us");
    const placed = await placeOrder(buyerAva, { shopId: "t-shop-us", lines: us, addressId: "t-address-ava", paymentMethod: "CARD", pay: true, expectedTotalMinor: 9750, fromCart: true }, later());
    expect(placed.ok && placed.value.totalMinor).toBe(9750);
    expect(await lines(buyerAva)).toEqual([["t-prod-kite", 1]]);
  });

  it("“Buy now” leaves the cart as it is", async () => {
    const placed = await placeOrder(buyerAva, { shopId: "t-shop-gl", lines: [{ productId: "t-prod-kite", quantity: 1 }], addressId: "t-address-ava", paymentMethod: "CARD", pay: false }, later());
    expect(placed.ok).toBe(true);
    expect(await lines(buyerAva)).toEqual([["t-prod-kite", 1]]);
  });
});
