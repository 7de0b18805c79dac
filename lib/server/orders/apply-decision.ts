/**
 * Carries out what the machine decided, inside the caller's transaction: the state change with the
 * optimistic version check, the audit event, deadlines, refund, ledger postings, stock and
 * notifications. Every service that changes an order goes through here, so effects are interpreted
 * in one place.
 */
import { AppError, STALE_ORDER_MESSAGE } from "@/lib/errors";
import { deadlineKey, evolve, openWorkOf, type Actor, type Command, type Decision, type OrderState } from "@/lib/order";
import { postTransaction } from "../ledger";
import { patchColumns } from "./order-columns";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { isUniqueViolation, type Tx } from "../prisma";

/**
 * A date as Prisma stores it in SQLite ("2026-03-02T17:00:00.000+00:00"). Dates are compared as
 * text, so a row written by hand in another format ("…Z") would sort after the same instant written
 * by Prisma, and a deadline due exactly now would not be due.
 */
export function storedDate(at: Date): string {
  return at.toISOString().replace(/Z$/, "+00:00");
}

export interface AppliedDecision {
  refund: { id: string; totalMinor: number; currency: string; destination: string; expectedArrivalAt: Date; status: string } | null;
}

export async function applyDecision(
  tx: Tx,
  order: { id: string; version: number; shopId: string; buyerId: string },
  /** The state the decision was made on: what the order waits on next is derived from it. */
  state: OrderState,
  command: Command,
  decision: Decision,
  actor: Actor,
  now: Date,
): Promise<AppliedDecision> {
  const updated = await tx.order.updateMany({
    where: { id: order.id, version: order.version, status: decision.from },
    data: { ...patchColumns(decision.patch), openWork: openWorkOf(evolve(state, decision)), version: { increment: 1 }, updatedAt: now },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);

  if (decision.cancelRequest) {
    const { status, reasonKey, requestedAt, respondBy, resolvedAt, rejectReasonKey } = decision.cancelRequest;
    const fields = { status, respondBy, resolvedAt, rejectReasonKey };
    await tx.cancelRequest.upsert({
      where: { orderId: order.id },
      create: { orderId: order.id, reasonKey, requestedAt, ...fields },
      update: fields,
    });
  }

  if (decision.returnCase) {
    const { id, ...fields } = decision.returnCase;
    await tx.returnCase.upsert({ where: { id }, create: { id, orderId: order.id, ...fields }, update: fields });
  }

  if (decision.dispute) {
    const { id, statements, decision: verdict, appeal, ...fields } = decision.dispute;
    const columns = {
      ...fields,
      decisionOutcome: verdict?.outcome ?? null,
      decisionAmountMinor: verdict?.amountMinor ?? null,
      returnRequired: verdict?.returnRequired ?? false,
      decisionRationale: verdict?.rationale ?? null,
      decidedById: verdict?.agentId ?? null,
      decidedAt: verdict?.at ?? null,
      refundedMinor: verdict?.refundedMinor ?? 0,
      appealStatement: appeal?.statement ?? null,
      appealedAt: appeal?.at ?? null,
      appealOutcome: appeal?.outcome ?? null,
      appealRationale: appeal?.rationale ?? null,
      appealDecidedById: appeal?.agentId ?? null,
      appealDecidedAt: appeal?.decidedAt ?? null,
    };
    await tx.dispute.upsert({ where: { id }, create: { id, orderId: order.id, ...columns }, update: columns });
    // Statements are append-only: store the ones this decision added.
    const stored = await tx.disputeStatement.count({ where: { disputeId: id } });
    if (statements.length > stored) {
      await tx.disputeStatement.createMany({ data: statements.slice(stored).map((statement) => ({ disputeId: id, ...statement })) });
    }
  }

  if (decision.refundUpdate) {
    const { key, status, at } = decision.refundUpdate;
    const stamp = status === "ARRIVED" ? { arrivedAt: at } : status === "DELAYED" ? { delayedAt: at } : status === "OVERDUE" ? { overdueAt: at } : {};
    const changed = await tx.refund.updateMany({ where: { orderId: order.id, idempotencyKey: key }, data: { status, ...stamp } });
    if (changed.count !== 1) throw new Error(`Refund ${key} of order ${order.id} not found`);
  }

  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      // The event's place in the order's history is the version it produced, so a replay can follow it.
      seq: order.version + 1,
      type: decision.event.type,
      fromStatus: decision.from,
      toStatus: decision.to,
      actorRole: actor.role,
      actorId: actor.id,
      summary: decision.event.summary,
      data: JSON.stringify({ ...decision.event.data, command }),
      at: now,
    },
  });

  const { close, open } = decision.deadlines;
  if (close.length > 0) {
    await tx.deadline.updateMany({ where: { orderId: order.id, resolvedAt: null, kind: { in: close } }, data: { resolvedAt: now, resolution: "CLOSED" } });
  }
  if (open.length > 0) {
    // One statement for every deadline the decision opens (a reopened key is due again).
    const rows = open.map((deadline) => Prisma.sql`(${randomUUID()}, ${order.id}, ${order.shopId}, ${order.buyerId}, ${deadlineKey(deadline.kind, deadline.ref)}, ${storedDate(deadline.dueAt)})`);
    await tx.$executeRaw`INSERT INTO "Deadline" ("id", "orderId", "shopId", "buyerId", "kind", "dueAt") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("orderId", "kind") DO UPDATE SET "dueAt" = excluded."dueAt", "resolvedAt" = NULL, "resolution" = NULL`;
  }

  let refund: AppliedDecision["refund"] = null;
  // What escrow holds as the command starts (the state it was decided on, guarded by the version check).
  let escrowHeld = state.escrowMinor;
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  for (const effect of decision.effects) {
    switch (effect.type) {
      case "REFUND": {
        try {
          refund = await tx.refund.create({
            data: {
              orderId: order.id,
              idempotencyKey: effect.idempotencyKey,
              currency: effect.currency,
              itemsMinor: effect.itemsMinor,
              shippingMinor: effect.shippingMinor,
              postageDeductedMinor: effect.postageDeductedMinor,
              totalMinor: effect.totalMinor,
              destination: effect.destination,
              status: effect.arrived ? "ARRIVED" : "PENDING",
              createdAt: now,
              expectedArrivalAt: effect.expectedArrivalAt,
              arrivedAt: effect.arrived ? now : null,
            },
            select: { id: true, totalMinor: true, currency: true, destination: true, expectedArrivalAt: true, status: true },
          });
        } catch (error) {
          // The same cause was already refunded: another request won the race.
          if (isUniqueViolation(error)) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);
          throw error;
        }
        break;
      }
      case "LEDGER":
        escrowHeld = await postTransaction(tx, { orderId: order.id, kind: effect.kind, currency: effect.currency, postings: effect.postings, at: now }, escrowHeld);
        break;
      case "CAPTURE_PAYMENT":
        await tx.payment.create({ data: { orderId: order.id, method: effect.method, amountMinor: effect.amountMinor, currency: effect.currency, paidAt: now } });
        break;
      case "RESTOCK":
        // Every line of the order back into stock, in one statement.
        await tx.$executeRaw`UPDATE "Product" SET "stock" = "stock" + (SELECT SUM(i."quantity") FROM "OrderItem" i WHERE i."orderId" = ${order.id} AND i."productId" = "Product"."id")
          WHERE "id" IN (SELECT "productId" FROM "OrderItem" WHERE "orderId" = ${order.id})`;
        break;
      case "NOTIFY":
        notifications.push({
          ...(effect.audience === "SELLER" ? { shopId: order.shopId } : { userId: order.buyerId }),
          orderId: order.id,
          kind: effect.kind,
          title: effect.title,
          body: effect.body,
          createdAt: now,
        });
        break;
      default: {
        const unhandled: never = effect;
        throw new Error(`Unhandled effect ${JSON.stringify(unhandled)}`);
      }
    }
  }
  if (notifications.length > 0) await tx.notification.createMany({ data: notifications });
  return { refund };
}
