/**
 * The command runner every order service uses: load the order as the actor may see it, ask the rule
 * engine, and carry out its decision in one transaction guarded by the order's version, with the
 * idempotency key stored beside the result. A replayed key returns the first result and does nothing.
 * The transaction is synchronous prepared SQL on the writer's connection (docs/decisions/011).
 */
import type { Message } from "@/lib/i18n/message";
import { m, money } from "@/lib/i18n/message";
import { AppError, STALE_ORDER_MESSAGE, type Result } from "@/lib/errors";
import { decide, policyFor, walletDebits, type Actor, type Command, type OrderStatus } from "@/lib/order";
import { walletBalance } from "../ledger";
import { orderScope, toActor, type SessionUser } from "../auth/session-user";
import { writeTransaction, type Db } from "../prisma";
import { runCommand } from "../run-command";
import type { SqlTx } from "../sqlite/sql-tx";
import { queueWebhooks } from "../api/webhook-outbox";
import { applyDecision } from "./apply-decision";
import { loadOrder } from "./load-order";
import { toOrderState } from "./order-state";

/** The platform's own timers and simulated carrier/payment network act as SYSTEM. */
export const SYSTEM_ACTOR = { system: true } as const;
export type CommandActor = SessionUser | typeof SYSTEM_ACTOR;

export interface EvidenceLink {
  orderId: string;
  caseId: string | null;
  disputeId: string | null;
  /** A conversation message the photos came with. */
  messageId?: string | null;
  actor: Actor;
  now: Date;
}

export interface OrderCommandRequest {
  orderId: string;
  /** The order version the person saw; a different one means their page is stale. Timers leave it out. */
  expectedVersion?: number;
  /** From the form: the same key sent twice is the same command, done once. */
  idempotencyKey?: string;
  command: Command;
  /**
   * Writes what belongs with the command (uploaded evidence) inside its transaction, once the rules
   * have accepted it; told which case and dispute the command touched.
   */
  attach?: (sql: SqlTx, link: EvidenceLink) => void;
}

export interface OrderCommandResult {
  orderId: string;
  status: OrderStatus;
  version: number;
  summary: Message;
  refund: { totalMinor: number; currency: string; destination: string; expectedArrivalAt: string; status: string } | null;
}

function actorOf(who: CommandActor): { actor: Actor; id: string; scope: Partial<ReturnType<typeof orderScope>> } {
  // The platform's own timers act on the due deadlines of every world.
  if ("system" in who) return { actor: { role: "SYSTEM", id: null }, id: "system", scope: {} };
  return { actor: toActor(who), id: who.id, scope: orderScope(who) };
}

export async function runOrderCommand(db: Db, who: CommandActor, request: OrderCommandRequest, now: Date): Promise<Result<OrderCommandResult>> {
  return runCommand(() => writeTransaction(db, (sql) => executeOrderCommand(sql, who, request, now)));
}

/**
 * The whole command in one synchronous transaction: replay check, load, decide, apply, attach and
 * the idempotency key. Nothing else runs on the writer's connection meanwhile, and the version check
 * still guards the update (a stale page's version is refused before deciding).
 */
export function executeOrderCommand(sql: SqlTx, who: CommandActor, request: OrderCommandRequest, now: Date): OrderCommandResult {
  const { actor, id: actorId, scope } = actorOf(who);
  if (request.idempotencyKey) {
    const replay = replayed(sql, request.idempotencyKey, actorId, request.orderId);
    if (replay) return replay;
  }
  const row = loadOrder(sql, request.orderId, scope);
  if (!row) throw new AppError("NOT_FOUND", m("errors.orderNotFound"));
  if (request.expectedVersion !== undefined && row.version !== request.expectedVersion) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);

  // History only moves forward: a timer that fires after someone already changed the order acts at that moment.
  let at = now;
  if (now.getTime() < row.updatedAt.getTime()) {
    if (actor.role !== "SYSTEM") throw new Error(`A command for order ${row.code} at ${now.toISOString()} is before its last change at ${row.updatedAt.toISOString()}`);
    at = row.updatedAt;
  }
  const state = toOrderState(row);
  const decision = decide(state, request.command, actor, at, policyFor(row.policyProfile));
  if (!decision.ok) {
    const { code, reason, field } = decision.error;
    throw new AppError(code, reason, field ? { [field]: [reason] } : undefined);
  }

  // A payment from the wallet takes only what the wallet holds (it never goes below zero).
  const debits = walletDebits(decision.effects.flatMap((effect) => (effect.type === "LEDGER" ? effect.postings : [])));
  for (const [account, amountMinor] of debits) {
    const balanceMinor = walletBalance(sql, account);
    if (balanceMinor < amountMinor) {
      const reason = m("wallet.notEnough", { balance: money(balanceMinor, state.currency), total: money(amountMinor, state.currency) });
      throw new AppError("VALIDATION", reason, { paymentMethod: [reason] });
    }
  }

  const applied = applyDecision(sql, row, state, request.command, decision, actor, at);
  // The platform's webhooks for what changed, in this same transaction (lib/server/api/webhook-outbox.ts).
  queueWebhooks(sql, row, state, applied.next, at);
  request.attach?.(sql, { orderId: row.id, caseId: decision.returnCase?.id ?? null, disputeId: decision.dispute?.id ?? null, actor, now: at });
  const result: OrderCommandResult = {
    orderId: row.id,
    status: decision.to,
    version: row.version + 1,
    summary: decision.event.summary,
    refund: applied.refund ? { ...applied.refund, expectedArrivalAt: applied.refund.expectedArrivalAt.toISOString() } : null,
  };
  if (request.idempotencyKey) {
    sql.run(
      `INSERT INTO "IdempotencyKey" ("key", "actorId", "orderId", "command", "result", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
      request.idempotencyKey,
      actorId,
      row.id,
      request.command.type,
      JSON.stringify(result),
      at,
    );
  }
  return result;
}

function replayed(sql: SqlTx, key: string, actorId: string, orderId: string): OrderCommandResult | null {
  const stored = sql.get<{ actorId: string; orderId: string; result: string }>(`SELECT "actorId", "orderId", "result" FROM "IdempotencyKey" WHERE "key" = ?`, key);
  if (!stored) return null;
  // A key belongs to one person's one command on one order: anything else is not a replay.
  if (stored.actorId !== actorId || stored.orderId !== orderId) throw new AppError("CONFLICT", m("errors.formUsed"));
  return JSON.parse(stored.result) as OrderCommandResult;
}
