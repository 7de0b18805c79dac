/**
 * Builds an order that has reached a given status, as if people had got it there: it is placed,
 * then paid and moved on (shipped, delivered, completed) through the same rule engine and effect
 * interpreter the app uses, each step at the time its deadline says. Used by the demo seed and by
 * tests, which create their own orders.
 */
import { m, money } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
import { randomUUID } from "node:crypto";
import { decide, deadlineKey, evolve, placedOrder, placementDeadlines, policyFor, type Actor, type Command, type DeadlineKind, type OrderState, type OrderStatus, type PaymentMethod } from "@/lib/order";
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

  const sellerUser = await db.user.findFirst({ where: { shopId: spec.shopId, role: "SELLER" }, select: { id: true } });
  const actors: Record<StoryStep["by"], Actor> = { BUYER: buyer, SYSTEM: system, SELLER: { role: "SELLER", id: sellerUser?.id ?? null } };
  for (const next of storySteps(spec.status, spec.cancelReasonKey)) {
    await step(db, order.id, next.command, actors[next.by], (state) => next.at(state));
  }
  return order;
}

/** One step of an order's story: what is done, by whom, and when (from the order as it is then). */
interface StoryStep {
  command: Command;
  by: "BUYER" | "SELLER" | "SYSTEM";
  at: (state: OrderState) => Date;
}

const due = (kind: DeadlineKind) => (state: OrderState): Date => {
  const at = state.deadlines[deadlineKey(kind)];
  if (!at) throw new Error(`Cannot build order: no ${kind} deadline open`);
  return at;
};

/** The steps that take a newly placed order to a status, each at the time its deadline (or a person's habit) says. */
function storySteps(status: OrderStatus, cancelReasonKey?: string): StoryStep[] {
  if (status === "UNPAID") return [];
  const paidAt = (state: OrderState) => state.paidAt ?? new Date(state.placedAt.getTime() + 2 * MINUTE);
  const steps: StoryStep[] = [{ command: { type: "PAY" }, by: "BUYER", at: (state) => new Date(state.placedAt.getTime() + 2 * MINUTE) }];
  if (status === "ON_HOLD") return steps;
  if (status === "CANCELLED") return [...steps, { command: { type: "BUYER_CANCEL", reasonKey: cancelReasonKey ?? "bought_by_mistake" }, by: "BUYER", at: (state) => new Date(paidAt(state).getTime() + 10 * MINUTE) }];
  const path: [OrderStatus, StoryStep][] = [
    ["AWAITING_SHIPMENT", { command: { type: "END_REMORSE_WINDOW" }, by: "SYSTEM", at: (state) => state.remorseEndsAt! }],
    ["AWAITING_COLLECTION", { command: { type: "ARRANGE_SHIPMENT" }, by: "SELLER", at: (state) => new Date(paidAt(state).getTime() + 1 * DAY) }],
    ["IN_TRANSIT", { command: { type: "CARRIER_PICKUP" }, by: "SYSTEM", at: due("CARRIER_PICKUP") }],
    ["DELIVERED", { command: { type: "CARRIER_DELIVER" }, by: "SYSTEM", at: due("DELIVERY") }],
    ["COMPLETED", { command: { type: "COMPLETE_ORDER" }, by: "SYSTEM", at: due("RETURN_WINDOW") }],
  ];
  for (const [reaches, next] of path) {
    steps.push(next);
    if (reaches === status) break;
  }
  return steps;
}

/**
 * When an order placed at `placedAt` would reach `status` by buildOrder's story: the same steps,
 * decided in memory by the engine (nothing stored). A caller that must not build an order whose
 * story ends after "now" asks this first.
 */
export function storyEndsAt(status: OrderStatus, placedAt: Date, policyProfile: string, facts: { itemsMinor: number; shippingFeeMinor: number; paymentMethod: PaymentMethod }): Date {
  const policy = policyFor(policyProfile);
  let state = placedOrder({ id: "dry-run", code: "DRYRUN", buyerId: "buyer", shopId: "shop", policyProfile, autoApproveWindow: "OFF", currency: "USD", itemsMinor: facts.itemsMinor, shippingFeeMinor: facts.shippingFeeMinor, totalMinor: facts.itemsMinor + facts.shippingFeeMinor, paymentMethod: facts.paymentMethod, placedAt }, policy);
  let last = placedAt;
  for (const next of storySteps(status)) {
    last = next.at(state);
    const decision = decide(state, next.command, { role: next.by, id: next.by === "SYSTEM" ? null : next.by === "BUYER" ? "buyer" : "seller" }, last, policy);
    if (!decision.ok) throw new Error(`Cannot plan order: ${next.command.type} refused: ${decision.error.reason}`);
    state = evolve(state, decision);
  }
  return last;
}

function step(db: Db, orderId: string, command: Command, actor: Actor, when: (state: OrderState) => Date): Promise<void> {
  return writeTransaction(db, (sql) => {
    const row = loadOrder(sql, orderId, {});
    if (!row) throw new Error(`Cannot build order: ${orderId} not found`);
    const state = toOrderState(row);
    const at = when(state);
    const decision = decide(state, command, actor, at, policyFor(row.policyProfile));
    if (!decision.ok) throw new Error(`Cannot build order: ${command.type} refused: ${decision.error.reason}`);
    applyDecision(sql, row, state, command, decision, actor, at);
  });
}
