/**
 * Carries out what the machine decided, inside the caller's transaction: the state change with the
 * optimistic version check, the audit event, deadlines, refund, ledger postings, stock and
 * notifications. Every service that changes an order goes through here, so effects are interpreted
 * in one place. Synchronous prepared statements on the writer's connection (docs/decisions/011).
 */
import { rowId } from "@/lib/ids";
import { english } from "@/lib/i18n/translator";
import { AppError, STALE_ORDER_MESSAGE } from "@/lib/errors";
import { buyerStageOf, deadlineKey, evolve, openWorkOf, policyFor, supportQueueKind, supportTarget, type Actor, type Command, type Decision, type OrderState } from "@/lib/order";
import { postTransaction } from "../ledger";
import { patchColumns } from "./order-columns";
import { insertRow, isSqliteUniqueViolation, type SqlTx } from "../sqlite/sql-tx";

export { storedDate } from "../sqlite/sql-tx";

export interface AppliedDecision {
  /** The order's state after the decision. */
  next: OrderState;
  refund: { id: string; totalMinor: number; currency: string; destination: string; expectedArrivalAt: Date; status: string } | null;
}

export function applyDecision(
  sql: SqlTx,
  order: { id: string; worldId: string; version: number; shopId: string; buyerId: string },
  /** The state the decision was made on: what the order waits on next is derived from it. */
  state: OrderState,
  command: Command,
  decision: Decision,
  actor: Actor,
  now: Date,
): AppliedDecision {
  const next = evolve(state, decision);
  const openWork = openWorkOf(next);
  const columns = { ...patchColumns(decision.patch), openWork, buyerStage: buyerStageOf({ status: next.status, openWork }), updatedAt: now };
  const names = Object.keys(columns);
  const updated = sql.run(
    `UPDATE "Order" SET ${names.map((name) => `"${name}" = ?`).join(", ")}, "version" = "version" + 1 WHERE "id" = ? AND "version" = ? AND "status" = ?`,
    ...names.map((name) => columns[name as keyof typeof columns]),
    order.id,
    order.version,
    decision.from,
  );
  if (updated !== 1) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);

  if (decision.cancelRequest) {
    insertRow(sql, "CancelRequest", { id: rowId(), orderId: order.id, shopId: order.shopId, ...decision.cancelRequest }, ["orderId"]);
  }

  if (decision.returnCase) {
    insertRow(sql, "ReturnCase", { ...decision.returnCase, orderId: order.id, shopId: order.shopId }, ["id"]);
  }

  if (decision.dispute) {
    const { id, statements, decision: verdict, appeal, assignee, infoRequest, ...fields } = decision.dispute;
    insertRow(
      sql,
      "Dispute",
      {
        id,
        orderId: order.id,
        ...fields,
        // Support's queue, derived here on every write (checked by db:check).
        worldId: order.worldId,
        queueKind: supportQueueKind(next, decision.dispute),
        targetAt: supportTarget({ status: fields.status, decideBy: fields.decideBy, appealedAt: appeal?.at ?? null }, policyFor(state.policyProfile)),
        assigneeId: assignee?.agentId ?? null,
        assignedAt: assignee?.at ?? null,
        infoParty: infoRequest?.party ?? null,
        infoQuestion: infoRequest?.question ?? null,
        infoAskedAt: infoRequest?.at ?? null,
        infoAnswerBy: infoRequest?.answerBy ?? null,
        infoAnsweredAt: infoRequest?.answeredAt ?? null,
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
      },
      ["id"],
    );
    // Statements are append-only: store the ones this decision added.
    const stored = sql.get<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "DisputeStatement" WHERE "disputeId" = ?`, id)!.n;
    for (const { party, text, photoCount, at } of statements.slice(stored)) {
      insertRow(sql, "DisputeStatement", { id: rowId(), disputeId: id, party, text, photoCount, at });
    }
  }

  if (decision.refundUpdate) {
    const { key, status, at } = decision.refundUpdate;
    const stamp = status === "ARRIVED" ? "arrivedAt" : status === "DELAYED" ? "delayedAt" : status === "OVERDUE" ? "overdueAt" : null;
    const changed = stamp
      ? sql.run(`UPDATE "Refund" SET "status" = ?, "${stamp}" = ? WHERE "orderId" = ? AND "idempotencyKey" = ?`, status, at, order.id, key)
      : sql.run(`UPDATE "Refund" SET "status" = ? WHERE "orderId" = ? AND "idempotencyKey" = ?`, status, order.id, key);
    if (changed !== 1) throw new Error(`Refund ${key} of order ${order.id} not found`);
  }

  insertRow(sql, "OrderEvent", {
    id: rowId(),
    orderId: order.id,
    // The event's place in the order's history is the version it produced, so a replay can follow it.
    seq: order.version + 1,
    type: decision.event.type,
    fromStatus: decision.from,
    toStatus: decision.to,
    actorRole: actor.role,
    actorId: actor.id,
    // The record keeps the English sentence (exports, logs) and the message the pages translate.
    summary: english().render(decision.event.summary),
    message: JSON.stringify(decision.event.summary),
    data: JSON.stringify({ ...decision.event.data, command }),
    at: now,
  });

  const { close, open } = decision.deadlines;
  for (const kind of close) {
    sql.run(`UPDATE "Deadline" SET "resolvedAt" = ?, "resolution" = 'CLOSED' WHERE "orderId" = ? AND "kind" = ? AND "resolvedAt" IS NULL`, now, order.id, kind);
  }
  for (const deadline of open) {
    // A reopened key is due again.
    sql.run(
      `INSERT INTO "Deadline" ("id", "orderId", "worldId", "shopId", "buyerId", "kind", "dueAt") VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT ("orderId", "kind") DO UPDATE SET "dueAt" = excluded."dueAt", "resolvedAt" = NULL, "resolution" = NULL`,
      rowId(),
      order.id,
      order.worldId,
      order.shopId,
      order.buyerId,
      deadlineKey(deadline.kind, deadline.ref),
      deadline.dueAt,
    );
  }

  let refund: AppliedDecision["refund"] = null;
  // What escrow holds as the command starts (the state it was decided on, in this transaction).
  let escrowHeld = state.escrowMinor;
  for (const effect of decision.effects) {
    switch (effect.type) {
      case "REFUND": {
        const row = {
          id: rowId(),
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
        };
        try {
          insertRow(sql, "Refund", row);
        } catch (error) {
          // The same cause was already refunded: another request won the race.
          if (isSqliteUniqueViolation(error)) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);
          throw error;
        }
        refund = { id: row.id, totalMinor: row.totalMinor, currency: row.currency, destination: row.destination, expectedArrivalAt: row.expectedArrivalAt, status: row.status };
        break;
      }
      case "LEDGER":
        escrowHeld = postTransaction(sql, { orderId: order.id, kind: effect.kind, currency: effect.currency, postings: effect.postings, at: now }, escrowHeld);
        break;
      case "CAPTURE_PAYMENT":
        insertRow(sql, "Payment", { id: rowId(), orderId: order.id, method: effect.method, amountMinor: effect.amountMinor, currency: effect.currency, paidAt: now });
        break;
      case "RESTOCK":
        // Every line of the order back into stock, in one statement.
        sql.run(
          `UPDATE "Product" SET "stock" = "stock" + (SELECT SUM(i."quantity") FROM "OrderItem" i WHERE i."orderId" = ? AND i."productId" = "Product"."id")
            WHERE "id" IN (SELECT "productId" FROM "OrderItem" WHERE "orderId" = ?)`,
          order.id,
          order.id,
        );
        break;
      case "NOTIFY":
        insertRow(sql, "Notification", {
          id: rowId(),
          userId: effect.audience === "SELLER" ? null : order.buyerId,
          shopId: effect.audience === "SELLER" ? order.shopId : null,
          orderId: order.id,
          kind: effect.kind,
          title: english().render(effect.title),
          body: english().render(effect.body),
          message: JSON.stringify({ title: effect.title, body: effect.body }),
          createdAt: now,
        });
        break;
      default: {
        const unhandled: never = effect;
        throw new Error(`Unhandled effect ${JSON.stringify(unhandled)}`);
      }
    }
  }
  return { next, refund };
}
