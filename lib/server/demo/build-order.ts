/**
 * Builds an order that has reached a given status, as if people had got it there: it is placed,
 * then paid and moved on (shipped, delivered, completed) through the same rule engine and effect
 * interpreter the app uses, each step at the time its deadline says. Used by the demo seed and by
 * tests, which create their own orders.
 */
import { m, money } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
import { randomUUID } from "node:crypto";
import { decide, placementDeadlines, policyFor, type Actor, type Command, type OrderStatus, type PaymentMethod } from "@/lib/order";
import { applyDecision } from "../orders/apply-decision";
import { loadOrder } from "../orders/load-order";
import { toOrderState } from "../orders/order-state";
import { writeTransaction, type Db } from "../prisma";

export interface BuildOrderSpec {
  buyerId: string;
  shopId: string;
  items: { productId: string; quantity: number }[];
  shippingFeeMinor: number;
  paymentMethod: PaymentMethod;
  status: OrderStatus;
  placedAt: Date;
  code?: string;
  /** For CANCELLED orders: the buyer's reason (the order is cancelled by the buyer in ON_HOLD). */
  cancelReasonKey?: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function buildOrder(db: Db, spec: BuildOrderSpec): Promise<{ id: string; code: string }> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: spec.shopId }, select: { worldId: true, policyProfile: true, autoApproveWindow: true, changeOfMindFeeMinor: true, autoRefundUpToMinor: true } });
  const products = await db.product.findMany({ where: { id: { in: spec.items.map((item) => item.productId) } } });
  const lines = spec.items.map((item) => {
    const product = products.find((p) => p.id === item.productId);
    if (!product) throw new Error(`Unknown product ${item.productId}`);
    return { product, quantity: item.quantity };
  });
  const currency = lines[0]?.product.currency ?? "USD";
  const itemsMinor = lines.reduce((sum, line) => sum + line.product.priceMinor * line.quantity, 0);
  const policy = policyFor(shop.policyProfile);
  const code = spec.code ?? randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
  const buyer: Actor = { role: "BUYER", id: spec.buyerId };
  const system: Actor = { role: "SYSTEM", id: null };

  const order = await db.$transaction(async (tx) => {
    const placed = m("engine.events.orderPlaced", { total: money(itemsMinor + spec.shippingFeeMinor, currency), shipping: money(spec.shippingFeeMinor, currency) });
    const created = await tx.order.create({
      data: {
        code,
        worldId: shop.worldId,
        buyerId: spec.buyerId,
        shopId: spec.shopId,
        status: "UNPAID",
        policyProfile: shop.policyProfile,
        autoApproveWindow: shop.autoApproveWindow,
        changeOfMindFeeMinor: shop.changeOfMindFeeMinor,
        autoRefundUpToMinor: shop.autoRefundUpToMinor,
        currency,
        itemsMinor,
        shippingFeeMinor: spec.shippingFeeMinor,
        totalMinor: itemsMinor + spec.shippingFeeMinor,
        paymentMethod: spec.paymentMethod,
        placedAt: spec.placedAt,
        updatedAt: spec.placedAt,
        items: { create: lines.map((line) => ({ productId: line.product.id, title: line.product.title, unitPriceMinor: line.product.priceMinor, quantity: line.quantity })) },
        deadlines: { create: placementDeadlines(spec.placedAt, policy).map((deadline) => ({ ...deadline, worldId: shop.worldId, shopId: spec.shopId, buyerId: spec.buyerId })) },
        events: {
          create: {
            seq: 0,
            type: "ORDER_PLACED",
            toStatus: "UNPAID",
            actorRole: "BUYER",
            actorId: spec.buyerId,
            summary: english().render(placed),
            message: JSON.stringify(placed),
            at: spec.placedAt,
          },
        },
      },
      select: { id: true, code: true },
    });
    for (const line of lines) {
      await tx.product.update({ where: { id: line.product.id }, data: { stock: { decrement: line.quantity } } });
    }
    return created;
  });

  if (spec.status === "UNPAID") return order;

  const paidAt = new Date(spec.placedAt.getTime() + 2 * MINUTE);
  await step(db, order.id, { type: "PAY" }, buyer, paidAt);
  if (spec.status === "ON_HOLD") return order;

  if (spec.status === "CANCELLED") {
    await step(db, order.id, { type: "BUYER_CANCEL", reasonKey: spec.cancelReasonKey ?? "bought_by_mistake" }, buyer, new Date(paidAt.getTime() + 10 * MINUTE));
    return order;
  }

  const current = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { remorseEndsAt: true } });
  await step(db, order.id, { type: "END_REMORSE_WINDOW" }, system, current.remorseEndsAt!);
  if (spec.status === "AWAITING_SHIPMENT") return order;

  const sellerUser = await db.user.findFirst({ where: { shopId: spec.shopId, role: "SELLER" }, select: { id: true } });
  const seller: Actor = { role: "SELLER", id: sellerUser?.id ?? null };
  await step(db, order.id, { type: "ARRANGE_SHIPMENT" }, seller, new Date(paidAt.getTime() + 1 * DAY));
  if (spec.status === "AWAITING_COLLECTION") return order;
  await step(db, order.id, { type: "CARRIER_PICKUP" }, system, await dueAt(db, order.id, "CARRIER_PICKUP"));
  if (spec.status === "IN_TRANSIT") return order;

  await step(db, order.id, { type: "CARRIER_DELIVER" }, system, await dueAt(db, order.id, "DELIVERY"));
  if (spec.status === "DELIVERED") return order;
  await step(db, order.id, { type: "COMPLETE_ORDER" }, system, await dueAt(db, order.id, "RETURN_WINDOW"));
  return order;
}

async function dueAt(db: Db, orderId: string, key: string): Promise<Date> {
  const deadline = await db.deadline.findFirstOrThrow({ where: { orderId, kind: key, resolvedAt: null }, select: { dueAt: true } });
  return deadline.dueAt;
}

function step(db: Db, orderId: string, command: Command, actor: Actor, at: Date): Promise<void> {
  return writeTransaction(db, (sql) => {
    const row = loadOrder(sql, orderId, {});
    if (!row) throw new Error(`Cannot build order: ${orderId} not found`);
    const state = toOrderState(row);
    const decision = decide(state, command, actor, at, policyFor(row.policyProfile));
    if (!decision.ok) throw new Error(`Cannot build order: ${command.type} refused: ${decision.error.reason}`);
    applyDecision(sql, row, state, command, decision, actor, at);
  });
}
