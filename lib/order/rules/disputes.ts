/**
 * Disputes and appeals (DOMAIN.md "Disputes and appeals"). The buyer escalates after a rejected
 * request, a rejected returned parcel, an overdue refund, or (global profile) a rejected cancel
 * request; both sides add statements and evidence while it is open; support decides with a
 * rationale; the seller may appeal a decision for the buyer within 7 days, decided by another agent.
 * If the seller wins the appeal after the buyer was refunded, the buyer keeps the refund and the
 * platform compensates the seller.
 */
import { formatDateTime } from "../../format";
import { accounts, type Command, type Effect, type RefundEffect } from "../commands";
import { MAX_STATEMENT, MIN_RATIONALE } from "../dispute";
import { DISPUTE_SUBJECTS, ORDER_STATUSES, deadlineKey, type DisputeState, type DisputeSubject, type OrderState } from "../model";
import { addDuration } from "../policy";
import { findReason } from "../reasons";
import { previewRefund } from "../return-case";
import { MAX_PHOTOS, caseBreakdown, caseDeadlines, completion, moveCase, openCase, refundTheCase } from "./after-shipment";
import { cancelTheOrder } from "./pre-shipment";
import { money, notify, quiet, type Block, type Context, type Outcome, type Rules, type StateContext } from "./shared";

export type DisputeCommand =
  | "ESCALATE"
  | "ADD_DISPUTE_STATEMENT"
  | "DECIDE_DISPUTE"
  | "DECIDE_REFUND_DISPUTE"
  | "APPEAL_DECISION"
  | "DECIDE_APPEAL"
  | "APPEAL_WINDOW_END"
  | "CANCEL_DISPUTE_WINDOW_END";

const SUBJECT_WORDS: Record<DisputeSubject, string> = { CASE: "the rejected request", CANCEL_REQUEST: "the rejected cancel request", REFUND: "the overdue refund" };

/** What the buyer can escalate now, by subject, with the thing it is about. */
export function escalatable(state: OrderState): { subject: DisputeSubject; ref: string }[] {
  const result: { subject: DisputeSubject; ref: string }[] = [];
  const already = (subject: DisputeSubject, ref: string) => state.disputes.some((d) => d.subject === subject && d.subjectRef === ref);
  const current = state.returnCase;
  if (current && (current.status === "REJECTED" || current.status === "RECEIPT_REJECTED") && state.deadlines.DISPUTE_FILING && !already("CASE", current.id)) {
    result.push({ subject: "CASE", ref: current.id });
  }
  if (state.cancelRequest?.status === "REJECTED" && state.status === "AWAITING_SHIPMENT" && state.deadlines.CANCEL_DISPUTE_FILING && !already("CANCEL_REQUEST", state.id)) {
    result.push({ subject: "CANCEL_REQUEST", ref: state.id });
  }
  for (const refund of state.refunds) if (refund.status === "OVERDUE" && !already("REFUND", refund.key)) result.push({ subject: "REFUND", ref: refund.key });
  return result;
}

function findDispute(state: OrderState, id: string): DisputeState | undefined {
  return state.disputes.find((dispute) => dispute.id === id);
}

function disputeIn(ctx: Context<Extract<Command, { disputeId: string }>>, ...statuses: DisputeState["status"][]): { field: string; reason: string } | null {
  const dispute = findDispute(ctx.state, ctx.command.disputeId);
  if (!dispute) return { field: "disputeId", reason: "There is no such dispute on this order." };
  return statuses.includes(dispute.status) ? null : { field: "disputeId", reason: `This dispute is ${dispute.status.toLowerCase().replace(/_/g, " ")}.` };
}

function statementCheck(statement: string, photoCount: number): { field: string; reason: string } | null {
  if (statement.trim().length === 0) return { field: "statement", reason: "Say what happened, in a sentence or two." };
  if (statement.length > MAX_STATEMENT) return { field: "statement", reason: `Keep it under ${MAX_STATEMENT} characters.` };
  if (!Number.isInteger(photoCount) || photoCount < 0 || photoCount > MAX_PHOTOS) return { field: "photos", reason: `Add at most ${MAX_PHOTOS} photos.` };
  return null;
}

const anyDisputeOpen = (statuses: DisputeState["status"][]) => ({ state }: StateContext): Block | null =>
  state.disputes.some((d) => statuses.includes(d.status)) ? null : quiet("There is no dispute at this step.");

/** What support decides for the buyer on a request or a returned parcel. */
function decideCaseForBuyer(ctx: Context<Extract<Command, { type: "DECIDE_DISPUTE" }>>): Outcome {
  const { state, command, now, policy } = ctx;
  const current = state.returnCase!;
  // Validation allows a required return only for a return-and-refund whose item the buyer still has.
  if (command.returnRequired) {
    const shipBy = addDuration(now, policy.shipBack, policy);
    return {
      returnCase: moveCase(ctx, "AWAITING_SHIPBACK", { refundOnArrival: true }),
      deadlines: { open: [{ kind: "SHIP_BACK", dueAt: shipBy }], close: caseDeadlines(ctx) },
      effects: [notify("BUYER", "RETURN_APPROVED", `Platform support decided order ${state.code} for you: ship the item back`, `Send it to the shop's return address with a tracking number by ${formatDateTime(shipBy)}; you are refunded when it reaches the seller.`)],
      event: { type: "DISPUTE_DECIDED", summary: "" },
    };
  }
  const itemReturned = current.type === "RETURN_AND_REFUND" && current.status === "RECEIPT_REJECTED";
  // A return the buyer keeps is a refund only: no parcel, no postage.
  const breakdown =
    current.type === "RETURN_AND_REFUND" && !itemReturned
      ? previewRefund(state, { caseType: "REFUND_ONLY", reasonKey: current.reasonKey, partialMinor: command.amountMinor }, policy)
      : caseBreakdown(ctx, command.amountMinor);
  return refundTheCase(ctx, breakdown, { summary: "Platform support decided for the buyer.", itemReturned });
}

function withDispute(outcome: Outcome, dispute: DisputeState, summary: string, extra: Effect[] = [], data: Record<string, unknown> = {}): Outcome {
  return {
    ...outcome,
    dispute,
    effects: [...(outcome.effects ?? []), ...extra],
    event: { type: "DISPUTE_DECIDED", summary: `${summary}${outcome.event.summary ? " " + outcome.event.summary : ""}`, data: { ...outcome.event.data, ...data, disputeId: dispute.id } },
  };
}

/** After an appeal closes a case whose return window already ended, the window's timer comes back to complete the order. */
function reopenCompletion({ state, now }: StateContext): Outcome["deadlines"] {
  // While the window is open its deadline is still there; only a window that already ended needs its timer back, now.
  return state.status === "DELIVERED" && !state.deadlines.RETURN_WINDOW ? { open: [{ kind: "RETURN_WINDOW", dueAt: now }] } : {};
}

export const DISPUTE_RULES: Rules<DisputeCommand> = {
  ESCALATE: {
    label: "Ask platform support to decide",
    roles: ["BUYER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["NONE"], to: ["OPEN"] },
    cases: { from: ["REJECTED", "RECEIPT_REJECTED"], to: ["ESCALATED"] },
    guard: ({ state }) => (escalatable(state).length > 0 ? null : quiet("There is nothing to escalate right now.")),
    validate: ({ state, command }) => {
      if (!(DISPUTE_SUBJECTS as readonly string[]).includes(command.subject)) return { field: "subject", reason: "Choose what you want support to decide." };
      const options = escalatable(state).filter((option) => option.subject === command.subject && (command.subject !== "REFUND" || option.ref === command.refundKey));
      if (options.length === 0) return { field: "subject", reason: `You can't escalate ${SUBJECT_WORDS[command.subject]} now.` };
      return statementCheck(command.statement, command.photoCount);
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const option = escalatable(state).find((o) => o.subject === command.subject && (command.subject !== "REFUND" || o.ref === command.refundKey))!;
      const dispute: DisputeState = {
        id: `${state.id}-dispute-${state.disputes.length + 1}`,
        subject: option.subject,
        subjectRef: option.ref,
        status: "OPEN",
        openedAt: now,
        decideBy: addDuration(now, policy.supportDecision, policy),
        statements: [{ party: "BUYER", text: command.statement, photoCount: command.photoCount, at: now }],
        decision: null,
        appeal: null,
      };
      const onCase = option.subject === "CASE";
      return {
        dispute,
        ...(onCase ? { returnCase: moveCase(ctx, "ESCALATED") } : {}),
        deadlines: { close: onCase ? ["DISPUTE_FILING"] : option.subject === "CANCEL_REQUEST" ? ["CANCEL_DISPUTE_FILING"] : [] },
        effects: [
          notify("SELLER", "DISPUTE_OPENED", `The buyer asked platform support to decide on order ${state.code}`, `About ${SUBJECT_WORDS[option.subject]}. Add your statement and evidence; support aims to decide by ${formatDateTime(dispute.decideBy)}.${option.subject === "CANCEL_REQUEST" ? " You can't ship the order until then." : ""}`),
        ],
        event: { type: "DISPUTE_OPENED", summary: `The buyer escalated ${SUBJECT_WORDS[option.subject]} to platform support: "${command.statement}"`, data: { disputeId: dispute.id, subject: option.subject } },
      };
    },
  },

  ADD_DISPUTE_STATEMENT: {
    label: "Add a statement",
    roles: ["BUYER", "SELLER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: [], to: [], stays: ["OPEN"] },
    guard: anyDisputeOpen(["OPEN"]),
    validate: (ctx) => disputeIn(ctx, "OPEN") ?? statementCheck(ctx.command.statement, ctx.command.photoCount),
    apply: ({ state, command, actor, now }) => {
      const dispute = findDispute(state, command.disputeId)!;
      const party = actor.role === "SELLER" ? "SELLER" : "BUYER";
      return {
        dispute: { ...dispute, statements: [...dispute.statements, { party, text: command.statement, photoCount: command.photoCount, at: now }] },
        event: { type: "DISPUTE_STATEMENT", summary: `The ${party.toLowerCase()} added a statement${command.photoCount ? ` with ${command.photoCount} photo${command.photoCount === 1 ? "" : "s"}` : ""}: "${command.statement}"`, data: { disputeId: dispute.id } },
      };
    },
  },

  DECIDE_DISPUTE: {
    label: "Decide the dispute",
    roles: ["SUPPORT"],
    // A request or a cancel request is disputed while the order is still open; an overdue refund (DECIDE_REFUND_DISPUTE) at any time.
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED"],
    to: ["CANCELLED", "COMPLETED"],
    disputes: { from: ["OPEN"], to: ["DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER"] },
    cases: { from: ["ESCALATED"], to: ["REFUNDED", "AWAITING_SHIPBACK", "CLOSED"] },
    guard: anyDisputeOpen(["OPEN"]),
    validate: (ctx) => {
      const { state, command } = ctx;
      const wrong = disputeIn(ctx, "OPEN");
      if (wrong) return wrong;
      if (findDispute(state, command.disputeId)!.subject === "REFUND") return { field: "disputeId", reason: "An overdue refund is decided with the refund remedy." };
      if (command.outcome !== "BUYER" && command.outcome !== "SELLER") return { field: "outcome", reason: "Decide for the buyer or for the seller." };
      if (command.rationale.trim().length < MIN_RATIONALE) return { field: "rationale", reason: `Explain the decision (at least ${MIN_RATIONALE} characters): both parties read it.` };
      const dispute = findDispute(state, command.disputeId)!;
      if (command.outcome === "SELLER") return null;
      if (dispute.subject === "CANCEL_REQUEST" && (command.amountMinor !== null || command.returnRequired)) return { field: "amount", reason: "A cancel dispute is decided in full: no partial amount and no return." };
      if (dispute.subject === "CASE") {
        const full = caseBreakdown(ctx).totalMinor;
        if (command.amountMinor !== null && (!Number.isSafeInteger(command.amountMinor) || command.amountMinor < 1 || command.amountMinor > full)) {
          return { field: "amount", reason: `A partial amount must be between ${money(state, 1)} and ${money(state, full)}, what is left to refund.` };
        }
        if (command.returnRequired && (command.amountMinor !== null || state.returnCase!.type !== "RETURN_AND_REFUND" || state.returnCase!.carrier !== null)) {
          return { field: "returnRequired", reason: "A return can only be required with a full refund, of an item the buyer still has." };
        }
      }
      return null;
    },
    apply: (ctx) => {
      const { state, command, actor, now, policy } = ctx;
      const dispute = findDispute(state, command.disputeId)!;
      const decided = (outcome: "BUYER" | "SELLER", refundedMinor: number, status: DisputeState["status"]): DisputeState => ({
        ...dispute,
        status,
        decision: { outcome, amountMinor: command.amountMinor, returnRequired: command.returnRequired, rationale: command.rationale, agentId: String(actor.id), at: now, refundedMinor },
      });
      const appealBy = addDuration(now, policy.appealWindow, policy);
      const appealWindow = { kind: "APPEAL_WINDOW" as const, dueAt: appealBy, ref: dispute.id };
      const rationale = `Rationale: ${command.rationale}`;

      if (command.outcome === "SELLER") {
        const base: Outcome =
          dispute.subject === "CASE"
            ? (() => {
                const done = completion(ctx, state.escrowMinor);
                return { ...(done.status ? { status: done.status } : {}), returnCase: moveCase(ctx, "CLOSED"), deadlines: { close: caseDeadlines(ctx) }, effects: done.effects ?? [], event: { type: "", summary: "" } };
              })()
            : { event: { type: "", summary: "" } };
        return withDispute(base, decided("SELLER", 0, "DECIDED_FOR_SELLER"), `Platform support decided for the seller. ${rationale}`, [
          notify("BUYER", "DISPUTE_DECIDED", `Platform support decided order ${state.code} for the seller`, rationale),
          notify("SELLER", "DISPUTE_DECIDED", `Platform support decided order ${state.code} for you`, rationale),
        ]);
      }

      if (dispute.subject === "CANCEL_REQUEST") {
        const reason = findReason(state.cancelRequest!.reasonKey)!;
        const cancelled = cancelTheOrder(ctx, reason, { summary: "Platform support decided the cancel request for the buyer and cancelled the order", keepDispute: true });
        const refunded = cancelled.effects?.find((e): e is RefundEffect => e.type === "REFUND")?.totalMinor ?? 0;
        return {
          ...cancelled,
          dispute: decided("BUYER", refunded, "DECIDED_FOR_BUYER"),
          deadlines: { ...cancelled.deadlines, open: [...(cancelled.deadlines?.open ?? []), appealWindow] },
          event: { ...cancelled.event, type: "DISPUTE_DECIDED", summary: `${cancelled.event.summary} ${rationale}`, data: { ...cancelled.event.data, disputeId: dispute.id } },
        };
      }

      const caseOutcome = decideCaseForBuyer(ctx);
      const refunded = caseOutcome.effects?.find((e): e is RefundEffect => e.type === "REFUND")?.totalMinor ?? 0;
      const withAppeal = { ...caseOutcome, deadlines: { ...caseOutcome.deadlines, open: [...(caseOutcome.deadlines?.open ?? []), appealWindow] } };
      return withDispute(withAppeal, decided("BUYER", refunded, "DECIDED_FOR_BUYER"), `Platform support decided for the buyer${command.amountMinor !== null ? ` (partial: ${money(state, command.amountMinor)})` : ""}${command.returnRequired ? ", return required" : ""}. ${rationale}`, [
        notify("SELLER", "DISPUTE_DECIDED", `Platform support decided order ${state.code} for the buyer`, `${rationale} You may appeal until ${formatDateTime(appealBy)}.`),
      ]);
    },
  },

  DECIDE_REFUND_DISPUTE: {
    label: "Decide the overdue refund",
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["OPEN"], to: ["DECIDED_FOR_SELLER", "CLOSED"] },
    refunds: { from: ["OVERDUE"], to: ["REISSUED"] },
    guard: ({ state }) => (state.disputes.some((d) => d.subject === "REFUND" && d.status === "OPEN") ? null : quiet("There is no overdue refund to decide.")),
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "OPEN");
      if (wrong) return wrong;
      if (findDispute(ctx.state, ctx.command.disputeId)!.subject !== "REFUND") return { field: "disputeId", reason: "This dispute is not about a refund." };
      if (ctx.command.outcome !== "BUYER" && ctx.command.outcome !== "SELLER") return { field: "outcome", reason: "Pay the refund to the wallet, or dismiss the dispute." };
      if (ctx.command.rationale.trim().length < MIN_RATIONALE) return { field: "rationale", reason: `Explain the decision (at least ${MIN_RATIONALE} characters): both parties read it.` };
      return null;
    },
    apply: (ctx) => {
      const { state, command, actor, now } = ctx;
      const dispute = findDispute(state, command.disputeId)!;
      const rationale = `Rationale: ${command.rationale}`;
      const decided = (outcome: "BUYER" | "SELLER", status: DisputeState["status"]): DisputeState => ({
        ...dispute,
        status,
        decision: { outcome, amountMinor: null, returnRequired: false, rationale: command.rationale, agentId: String(actor.id), at: now, refundedMinor: 0 },
      });
      if (command.outcome === "SELLER") {
        return {
          dispute: decided("SELLER", "DECIDED_FOR_SELLER"),
          effects: [notify("BUYER", "DISPUTE_DECIDED", `Platform support dismissed your refund dispute for order ${state.code}`, rationale)],
          event: { type: "DISPUTE_DECIDED", summary: `Platform support dismissed the overdue-refund dispute. ${rationale}`, data: { disputeId: dispute.id } },
        };
      }

      // The remedy for an overdue refund: the platform takes the stuck payment over and pays the wallet at once.
      const original = state.refunds.find((refund) => refund.key === dispute.subjectRef)!;
      const remedy: RefundEffect = {
        type: "REFUND",
        idempotencyKey: `remedy:${original.key}`,
        currency: state.currency,
        itemsMinor: original.totalMinor,
        shippingMinor: 0,
        postageDeductedMinor: 0,
        totalMinor: original.totalMinor,
        destination: "WALLET",
        expectedArrivalAt: now,
        arrived: true,
      };
      const buyerAccount = accounts.buyer(state.buyerId);
      return {
        dispute: decided("BUYER", "CLOSED"),
        refundUpdate: { key: original.key, status: "REISSUED", at: now },
        deadlines: { close: [deadlineKey("REFUND_ARRIVAL", original.key), deadlineKey("REFUND_OVERDUE", original.key)] },
        effects: [
          remedy,
          { type: "LEDGER", kind: "RECALL", currency: state.currency, postings: [{ account: buyerAccount, amountMinor: -original.totalMinor }, { account: accounts.platform, amountMinor: original.totalMinor }] },
          { type: "LEDGER", kind: "REMEDY", currency: state.currency, postings: [{ account: accounts.platform, amountMinor: -original.totalMinor }, { account: buyerAccount, amountMinor: original.totalMinor }] },
          notify("BUYER", "DISPUTE_DECIDED", `Your overdue refund for order ${state.code} was paid to your platform wallet`, `${money(state, original.totalMinor)} is in your wallet now. ${rationale}`),
        ],
        event: { type: "DISPUTE_DECIDED", summary: `Platform support paid the overdue refund of ${money(state, original.totalMinor)} to the buyer's platform wallet instead. ${rationale}`, data: { disputeId: dispute.id } },
      };
    },
  },

  APPEAL_DECISION: {
    label: "Appeal the decision",
    roles: ["SELLER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["DECIDED_FOR_BUYER"], to: ["APPEALED"] },
    guard: anyDisputeOpen(["DECIDED_FOR_BUYER"]),
    validate: (ctx) => disputeIn(ctx, "DECIDED_FOR_BUYER") ?? statementCheck(ctx.command.statement, 0),
    apply: ({ state, command, now }) => {
      const dispute = findDispute(state, command.disputeId)!;
      return {
        dispute: { ...dispute, status: "APPEALED", appeal: { statement: command.statement, at: now, outcome: null, rationale: null, agentId: null, decidedAt: null } },
        deadlines: { close: [deadlineKey("APPEAL_WINDOW", dispute.id)] },
        effects: [notify("BUYER", "DISPUTE_APPEALED", `The seller appealed the decision on order ${state.code}`, "Another platform support agent will review it. You keep what you were refunded either way.")],
        event: { type: "DISPUTE_APPEALED", summary: `The seller appealed the decision: "${command.statement}"`, data: { disputeId: dispute.id } },
      };
    },
  },

  DECIDE_APPEAL: {
    label: "Decide the appeal",
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["APPEALED"], to: ["APPEAL_UPHELD", "APPEAL_OVERTURNED"] },
    cases: { from: ["AWAITING_SHIPBACK"], to: ["CLOSED"], stays: ["RETURN_SHIPPED"] },
    guard: ({ state, actor }) => {
      const appealed = state.disputes.filter((d) => d.status === "APPEALED");
      if (appealed.length === 0) return quiet("There is no appeal to decide.");
      return appealed.some((d) => d.decision?.agentId !== actor.id) ? null : { reason: "A different agent must decide this appeal: you made the original decision." };
    },
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "APPEALED");
      if (wrong) return wrong;
      const dispute = findDispute(ctx.state, ctx.command.disputeId)!;
      if (dispute.decision!.agentId === ctx.actor.id) return { field: "disputeId", reason: "A different agent must decide the appeal: you made the original decision." };
      if (ctx.command.outcome !== "UPHOLD" && ctx.command.outcome !== "OVERTURN") return { field: "outcome", reason: "Uphold the decision or overturn it." };
      if (ctx.command.rationale.trim().length < MIN_RATIONALE) return { field: "rationale", reason: `Explain the decision (at least ${MIN_RATIONALE} characters).` };
      return null;
    },
    apply: (ctx) => {
      const { state, command, actor, now } = ctx;
      const dispute = findDispute(state, command.disputeId)!;
      const overturned = command.outcome === "OVERTURN";
      const appeal = { ...dispute.appeal!, outcome: overturned ? ("OVERTURNED" as const) : ("UPHELD" as const), rationale: command.rationale, agentId: actor.id, decidedAt: now };
      const next: DisputeState = { ...dispute, status: overturned ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD", appeal };
      const rationale = `Rationale: ${command.rationale}`;
      if (!overturned) {
        return {
          dispute: next,
          effects: [notify("SELLER", "APPEAL_DECIDED", `Your appeal on order ${state.code} was rejected`, rationale)],
          event: { type: "APPEAL_DECIDED", summary: `Another agent upheld the decision for the buyer. ${rationale}`, data: { disputeId: dispute.id } },
        };
      }
      const refunded = dispute.decision!.refundedMinor;
      const current = openCase(ctx);
      const pendingReturn = dispute.subject === "CASE" && current?.id === dispute.subjectRef && current.refundOnArrival ? current : null;
      // A return the decision required is no longer owed: not yet shipped, the case closes; already on its way,
      // it reaches the seller as an ordinary return, inspected before any refund.
      const caseOutcome: Partial<Outcome> = !pendingReturn
        ? {}
        : pendingReturn.status === "AWAITING_SHIPBACK"
          ? { returnCase: moveCase(ctx, "CLOSED"), deadlines: { close: caseDeadlines(ctx), ...reopenCompletion(ctx) } }
          : { returnCase: { ...pendingReturn, refundOnArrival: false } };
      return {
        dispute: next,
        ...caseOutcome,
        effects: [
          ...(refunded > 0
            ? [{ type: "LEDGER" as const, kind: "COMPENSATION" as const, currency: state.currency, postings: [{ account: accounts.platform, amountMinor: -refunded }, { account: accounts.seller(state.shopId), amountMinor: refunded }] }]
            : []),
          notify("SELLER", "APPEAL_DECIDED", `Your appeal on order ${state.code} was granted`, `${refunded > 0 ? `The platform compensates you ${money(state, refunded)}; the buyer keeps their refund. ` : ""}${rationale}`),
          notify("BUYER", "APPEAL_DECIDED", `The seller's appeal on order ${state.code} was granted`, `${refunded > 0 ? "You keep your refund. " : "The return is no longer required. "}${rationale}`),
        ],
        event: {
          type: "APPEAL_DECIDED",
          summary: `Another agent granted the seller's appeal.${refunded > 0 ? ` The buyer keeps the refund; the platform compensates the seller ${money(state, refunded)}.` : ""} ${rationale}`,
          data: { disputeId: dispute.id },
        },
      };
    },
  },

  APPEAL_WINDOW_END: {
    label: "Close the appeal window",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["DECIDED_FOR_BUYER"], to: ["CLOSED"] },
    timer: (command) => deadlineKey("APPEAL_WINDOW", command.disputeId),
    validate: (ctx) => disputeIn(ctx, "DECIDED_FOR_BUYER"),
    apply: ({ state, command }) => {
      const dispute = findDispute(state, command.disputeId)!;
      return {
        dispute: { ...dispute, status: "CLOSED" },
        event: { type: "DISPUTE_CLOSED", summary: "The seller did not appeal within 7 days; the decision stands.", data: { disputeId: dispute.id } },
      };
    },
  },

  CANCEL_DISPUTE_WINDOW_END: {
    label: "Close the window to escalate a rejected cancel",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT"],
    to: [],
    timer: () => "CANCEL_DISPUTE_FILING",
    apply: () => ({
      deadlines: { close: ["CANCEL_DISPUTE_FILING"] },
      event: { type: "CANCEL_DISPUTE_WINDOW_ENDED", summary: "The buyer did not escalate the rejected cancel request; the order may ship." },
    }),
  },
};

