/**
 * The platform wallet (issue 29, docs/decisions/022-wallet.md): ledger account `wallet:<buyerId>`.
 * Orders paid from it take from it, their refunds arrive in it at once, and it never goes below zero
 * (a payment above the balance is refused with nothing written). Every buyer's wallet opens with a
 * balance; a top-up is one balanced transaction, done once per form. The wallet page reads it all from
 * the ledger, each line with its order; a private world copies the openings once, a reset too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { WALLET_OPENING_MINOR, accounts } from "@/lib/order";
import { DEMO_WORLD, type SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { placeOrder, type PlaceOrderInput } from "@/lib/server/orders/place-order";
import { topUpWallet } from "@/lib/server/shop/top-up-wallet";
import { WALLET_PAGE_SIZE, walletView } from "@/lib/server/shop/wallet";
import { createWorld } from "@/lib/server/worlds/create-world";
import { resetOwnWorld } from "@/lib/server/worlds/manage-world";
import { worldScopedId } from "@/lib/worlds";
import { inEnglish } from "../support/order-state";

const OWNER = "visitor-wallet-owner";
const started = new Date();
let now = new Date(started.getTime() + 60_000);
const later = () => (now = new Date(now.getTime() + 60_000));
let world = "";

const person = (id: string, role: SessionUser["role"] = "BUYER", worldId: string = DEMO_WORLD): SessionUser => ({ id, worldId, role, name: id, shopId: role === "SELLER" ? "shop-maple" : null, shopName: null });
const chloe = person("buyer-chloe");
const ava = person("buyer-ava");

const balance = async (buyerId: string) => (await db.ledgerEntry.aggregate({ where: { account: accounts.wallet(buyerId) }, _sum: { amountMinor: true } }))._sum.amountMinor ?? 0;
const checkout = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  shopId: "shop-maple",
  lines: [{ productId: "p-maple-1", quantity: 1 }],
  addressId: "address-buyer-chloe",
  paymentMethod: "WALLET",
  pay: true,
  ...overrides,
});

beforeAll(async () => {
  await seedDemoWorld(db, started);
  const created = await createWorld(db, { visitorId: OWNER, name: "Wallet world", ownerName: "Dana", template: "DEMO_COPY" }, started);
  if (!created.ok) throw new Error(created.error.message.key);
  world = created.value.worldId;
}, 120_000);

describe("the seeded wallets", () => {
  it("every buyer's wallet opened with the same balance, never went below zero, and the whole ledger balances", async () => {
    const buyers = await db.user.findMany({ where: { role: "BUYER", worldId: DEMO_WORLD }, select: { id: true } });
    expect(buyers.length).toBe(6);
    for (const { id } of buyers) {
      const lines = await db.ledgerEntry.findMany({ where: { account: accounts.wallet(id) }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      expect(lines[0]).toMatchObject({ kind: "TOP_UP", amountMinor: WALLET_OPENING_MINOR, orderId: null });
      let running = 0;
      for (const line of lines) {
        running += line.amountMinor;
        expect(running, `${id}'s wallet after ${line.kind} at ${line.at.toISOString()}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect((await db.ledgerEntry.aggregate({ _sum: { amountMinor: true } }))._sum.amountMinor).toBe(0);
  });

  it("only orders paid from the wallet, and support's remedies, move money through it", async () => {
    const moves = await db.ledgerEntry.findMany({ where: { account: { startsWith: "wallet:" }, orderId: { not: null } }, select: { kind: true, order: { select: { paymentMethod: true } } } });
    expect(moves.length).toBeGreaterThan(10);
    for (const move of moves) expect(move.kind === "REMEDY" || move.order!.paymentMethod === "WALLET", `${move.kind} of a ${move.order!.paymentMethod} order`).toBe(true);
    // A card or PayPal order's payment stays on the buyer's own account.
    const cardPayments = await db.ledgerEntry.count({ where: { kind: "PAYMENT", account: { startsWith: "wallet:" }, order: { paymentMethod: { not: "WALLET" } } } });
    expect(cardPayments).toBe(0);
  });

  it("a private world has its own copy of each opening, once, and keeps one after a reset", async () => {
    const own = worldScopedId(world, "buyer-chloe");
    expect(await balance(own)).toBe(await balance("buyer-chloe"));
    // Named as the copy's buyer's own opening would be: "opening-<world>_buyer-chloe".
    expect(await db.ledgerEntry.count({ where: { orderId: null, account: { in: [accounts.wallet(own), accounts.buyer(own)] } } })).toBe(2);
    expect(await db.ledgerEntry.count({ where: { transactionId: `opening-${own}` } })).toBe(2);
    expect(inEnglish(await resetOwnWorld(db, { worldId: world, visitorId: OWNER }, new Date()))).toMatchObject({ ok: true });
    expect(await db.ledgerEntry.count({ where: { orderId: null, account: { in: [accounts.wallet(own), accounts.buyer(own)] } } })).toBe(2);
    expect(await balance(own)).toBe(await balance("buyer-chloe"));
  }, 60_000);
});

describe("paying from the wallet", () => {
  it("“Place and pay” takes the total from the wallet; an instant cancel puts it back at once; the wallet page shows both lines with the order", async () => {
    const before = await balance("buyer-chloe");
    const placed = await placeOrder(chloe, checkout({ idempotencyKey: "wallet-pay-1" }), later());
    expect(placed.ok && placed.value.status).toBe("ON_HOLD");
    if (!placed.ok) return;
    // $18.00 + $5.99 shipping.
    expect(placed.value.totalMinor).toBe(2399);
    expect(await balance("buyer-chloe")).toBe(before - 2399);
    const cancelled = await cancelOrder(chloe, { orderId: placed.value.orderId, expectedVersion: 1, reasonKey: "bought_by_mistake" }, later());
    expect(cancelled.ok && cancelled.value.refund).toMatchObject({ destination: "WALLET", status: "ARRIVED", totalMinor: 2399 });
    expect(await balance("buyer-chloe")).toBe(before);

    const view = (await walletView(chloe, undefined))!;
    expect(view.balanceMinor).toBe(before);
    expect(view.lines.slice(0, 2).map((line) => [line.kind, line.amountMinor, line.order?.id])).toEqual([
      ["REFUND", 2399, placed.value.orderId],
      ["PAYMENT", -2399, placed.value.orderId],
    ]);
    expect(view.lines[0]!.order).toMatchObject({ code: placed.value.code, shopName: "Maple & Moss Home" });
    expect(inEnglish(await checkOrders(db, [placed.value.orderId]))).toEqual([]);
  });

  it("a card order's payment and refund never touch the wallet", async () => {
    const before = await balance("buyer-ava");
    const placed = await placeOrder(ava, checkout({ addressId: "address-buyer-ava", paymentMethod: "CARD" }), later());
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    await cancelOrder(ava, { orderId: placed.value.orderId, expectedVersion: 1, reasonKey: "bought_by_mistake" }, later());
    expect(await balance("buyer-ava")).toBe(before);
    expect(await db.ledgerEntry.count({ where: { orderId: placed.value.orderId, account: accounts.buyer("buyer-ava") } })).toBe(2);
  });

  it("above the balance: refused next to the payment method, with nothing written and no stock taken", async () => {
    const held = await balance("buyer-chloe");
    const counts = async () => ({ orders: await db.order.count(), ledger: await db.ledgerEntry.count(), stock: (await db.product.findUniqueOrThrow({ where: { id: "p-maple-2" } })).stock });
    const before = await counts();
    // Wool throw blankets at $64.00, ten at a time, until the wallet cannot pay.
    const quantity = 10;
    const orders = Math.floor(held / (6400 * quantity));
    for (let i = 0; i < orders; i++) expect((await placeOrder(chloe, checkout({ lines: [{ productId: "p-maple-2", quantity }] }), later())).ok).toBe(true);
    const left = await balance("buyer-chloe");
    expect(left).toBeLessThan(64_000);
    const between = await counts();
    const refused = await placeOrder(chloe, checkout({ lines: [{ productId: "p-maple-2", quantity }] }), later());
    expect(inEnglish(refused)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { paymentMethod: [expect.stringContaining("Your wallet holds")] } } });
    expect(await counts()).toEqual(between);
    expect(before.orders + orders).toBe(between.orders);
    // "Place order" without paying is still possible; paying it later is refused the same way.
    const unpaid = await placeOrder(chloe, checkout({ lines: [{ productId: "p-maple-2", quantity }], pay: false }), later());
    expect(unpaid.ok && unpaid.value.status).toBe("UNPAID");
  }, 60_000);
});

describe("adding money", () => {
  it("adds once per form (a double-click, a retry), as one balanced transaction of no order", async () => {
    const before = await balance("buyer-ava");
    const first = await topUpWallet(ava, { amountMinor: 2550, idempotencyKey: "top-up-form-1" }, later());
    const again = await topUpWallet(ava, { amountMinor: 2550, idempotencyKey: "top-up-form-1" }, later());
    expect(first).toEqual({ ok: true, value: { balanceMinor: before + 2550 } });
    expect(again).toEqual({ ok: true, value: { balanceMinor: before + 2550 } });
    const rows = await db.ledgerEntry.findMany({ where: { transactionId: "topup-buyer-ava-top-up-form-1" } });
    expect(rows.map((row) => [row.account, row.amountMinor, row.orderId])).toEqual(
      expect.arrayContaining([
        ["buyer:buyer-ava", -2550, null],
        ["wallet:buyer-ava", 2550, null],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it("an amount out of range, or a seller, is refused with nothing written", async () => {
    const before = await db.ledgerEntry.count();
    expect(inEnglish(await topUpWallet(ava, { amountMinor: 0, idempotencyKey: "top-up-zero" }, later()))).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { amount: ["Add between $5.00 and $1,000.00."] } } });
    expect(inEnglish(await topUpWallet(ava, { amountMinor: 100_001, idempotencyKey: "top-up-big" }, later()))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(inEnglish(await topUpWallet(person("seller-maya", "SELLER"), { amountMinor: 1000, idempotencyKey: "top-up-seller" }, later()))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.ledgerEntry.count()).toBe(before);
  });

  it("the wallet page pages its history newest first, every line once", async () => {
    for (let i = 0; i < WALLET_PAGE_SIZE + 3; i++) await topUpWallet(ava, { amountMinor: 500, idempotencyKey: `top-up-page-${i}` }, later());
    const total = await db.ledgerEntry.count({ where: { account: accounts.wallet("buyer-ava") } });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const view = (await walletView(ava, cursor))!;
      expect(view.lines.length).toBeLessThanOrEqual(WALLET_PAGE_SIZE);
      seen.push(...view.lines.map((line) => line.id));
      if (!view.next) break;
      cursor = view.next;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(await walletView(person("seller-maya", "SELLER"), undefined)).toBeNull();
  }, 60_000);
});
