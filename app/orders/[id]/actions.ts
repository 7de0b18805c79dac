"use server";

import { z } from "zod";
import type { Result } from "@/lib/errors";
import { OUT_OF_DATE, SESSION_ENDED, formMessage, optionalText, readForm, versionField, visibleText, zodMessage } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
import { parseMoneyInput } from "@/lib/money";
import { APPEAL_OUTCOMES, DISPUTE_OUTCOMES, DISPUTE_SUBJECTS, MAX_DESCRIPTION, MAX_NOTE, MAX_STATEMENT, REQUEST_CASE_TYPES, RETURN_METHODS, STATEMENT_PARTIES, type PersonCommandType } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { acceptOffer } from "@/lib/server/orders/accept-offer";
import { acceptReturnedParcel } from "@/lib/server/orders/accept-returned-parcel";
import { addDisputeStatement } from "@/lib/server/orders/add-dispute-statement";
import { appealDecision } from "@/lib/server/orders/appeal-decision";
import { askForInformation } from "@/lib/server/orders/ask-for-information";
import { approveCancelRequest } from "@/lib/server/orders/approve-cancel-request";
import { approveReturn } from "@/lib/server/orders/approve-return";
import { arrangeShipment } from "@/lib/server/orders/arrange-shipment";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { confirmRefusedParcel } from "@/lib/server/orders/confirm-refused-parcel";
import { declineOffer } from "@/lib/server/orders/decline-offer";
import { decideAppeal } from "@/lib/server/orders/decide-appeal";
import { decideDispute } from "@/lib/server/orders/decide-dispute";
import { decideRefundDispute } from "@/lib/server/orders/decide-refund-dispute";
import { escalate } from "@/lib/server/orders/escalate";
import { offerPartialRefund } from "@/lib/server/orders/offer-partial-refund";
import { operatorCancelOrder } from "@/lib/server/orders/operator-cancel-order";
import { payOrder } from "@/lib/server/orders/pay-order";
import { refuseParcel } from "@/lib/server/orders/refuse-parcel";
import { rejectCancelRequest } from "@/lib/server/orders/reject-cancel-request";
import { rejectReturn } from "@/lib/server/orders/reject-return";
import { rejectReturnedParcel } from "@/lib/server/orders/reject-returned-parcel";
import { requestCancel } from "@/lib/server/orders/request-cancel";
import { requestReturn } from "@/lib/server/orders/request-return";
import type { OrderCommandResult } from "@/lib/server/orders/run-order-command";
import { sellerCancelOrder } from "@/lib/server/orders/seller-cancel-order";
import { shipReturn } from "@/lib/server/orders/ship-return";
import { takeDispute } from "@/lib/server/orders/take-dispute";
import { withdrawCancelRequest } from "@/lib/server/orders/withdraw-cancel-request";
import { withdrawReturn } from "@/lib/server/orders/withdraw-return";

export type CommandFormState = {
  ok: boolean;
  message: string;
  stale?: boolean;
  fieldErrors?: Record<string, string[]>;
  /** What the person typed, so that the form shows it again after a refusal (photos must be chosen again). */
  values?: Record<string, string>;
  /** After a command: the order's new state. The page brings the rest (issue 32: the answer is the result, not the page). */
  order?: { id: string; version: number; status: string };
} | null;

const base = {
  orderId: z.string().trim().min(1).max(100),
  version: versionField,
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
};
// Which reasons fit this order now is the rule engine's to check; here only that one was chosen.
const choose = (message: string) => z.string({ error: message }).trim().min(1, { error: message }).max(100);
const cancelReason = choose(zodMessage("errors.form.cancelReason"));
const rejectReason = choose(zodMessage("errors.form.rejectReason"));
const text = (what: "statement" | "rationale" | "appeal" | "question", max = MAX_STATEMENT) =>
  visibleText({ required: zodMessage("errors.form.write", { what }), tooLong: zodMessage("errors.form.tooLong", { what, max }) }, max);
const money = (message: string) =>
  z
    .string({ error: message })
    .transform((value, ctx) => {
      const minor = parseMoneyInput(value);
      if (minor === null || minor < 1) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return minor;
    });
const disputeId = z.string().trim().min(1).max(100);
// What the buyer escalates: "CASE", "CANCEL_REQUEST" or "REFUND:<refund key>" (the targets the engine offers).
const subject = choose(zodMessage("errors.form.subject")).transform((value, ctx) => {
  const [kind, ...rest] = value.split(":");
  const parsed = z.enum(DISPUTE_SUBJECTS).safeParse(kind);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: zodMessage("errors.form.subject") });
    return z.NEVER;
  }
  return { subject: parsed.data, refundKey: rest.length ? rest.join(":") : undefined };
});

const commandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("PAY"), ...base }),
  z.object({ intent: z.literal("BUYER_CANCEL"), ...base, reasonKey: cancelReason }),
  z.object({ intent: z.literal("REQUEST_CANCEL"), ...base, reasonKey: cancelReason }),
  z.object({ intent: z.literal("WITHDRAW_CANCEL_REQUEST"), ...base }),
  z.object({ intent: z.literal("APPROVE_CANCEL_REQUEST"), ...base }),
  z.object({ intent: z.literal("REJECT_CANCEL_REQUEST"), ...base, reasonKey: rejectReason }),
  z.object({ intent: z.literal("SELLER_CANCEL"), ...base, reasonKey: cancelReason }),
  z.object({ intent: z.literal("ARRANGE_SHIPMENT"), ...base }),
  z.object({ intent: z.literal("OPERATOR_CANCEL"), ...base, reasonKey: cancelReason }),
  z.object({ intent: z.literal("REFUSE_PARCEL"), ...base }),
  z.object({
    intent: z.literal("REQUEST_RETURN"),
    ...base,
    caseType: z.enum(REQUEST_CASE_TYPES, { error: zodMessage("errors.form.caseType") }),
    reasonKey: choose(zodMessage("errors.form.whatIsWrong")),
    description: optionalText(zodMessage("errors.form.tooLong", { what: "description", max: MAX_DESCRIPTION }), MAX_DESCRIPTION),
  }),
  z.object({ intent: z.literal("WITHDRAW_RETURN"), ...base }),
  z.object({ intent: z.literal("ACCEPT_OFFER"), ...base }),
  z.object({ intent: z.literal("DECLINE_OFFER"), ...base }),
  z.object({
    intent: z.literal("SHIP_RETURN"),
    ...base,
    method: z.enum(RETURN_METHODS, { error: zodMessage("errors.form.returnMethod") }),
    // Needed for a self-arranged return only (the rules say which are missing); a prepaid label has its own.
    carrier: optionalText(zodMessage("errors.form.tooLong", { what: "carrier", max: 40 }), 40),
    trackingNumber: z
      .string()
      .optional()
      .default("")
      .transform((value) => value.replace(/\s+/g, "").toUpperCase())
      .pipe(z.string().max(100, { error: zodMessage("errors.form.trackingTooLong") })),
  }),
  z.object({ intent: z.literal("APPROVE_RETURN"), ...base }),
  z.object({ intent: z.literal("REJECT_RETURN"), ...base, reasonKey: rejectReason }),
  z.object({ intent: z.literal("OFFER_PARTIAL_REFUND"), ...base, amount: money(zodMessage("errors.form.amount")) }),
  z.object({ intent: z.literal("ACCEPT_RETURNED_PARCEL"), ...base }),
  z.object({ intent: z.literal("REJECT_RETURNED_PARCEL"), ...base, reasonKey: rejectReason }),
  z.object({ intent: z.literal("CONFIRM_REFUSED_PARCEL"), ...base }),
  z.object({ intent: z.literal("ESCALATE"), ...base, subject, statement: text("statement") }),
  z.object({ intent: z.literal("ADD_DISPUTE_STATEMENT"), ...base, disputeId, statement: text("statement") }),
  z.object({
    intent: z.literal("DECIDE_DISPUTE"),
    ...base,
    disputeId,
    outcome: z.enum(DISPUTE_OUTCOMES, { error: zodMessage("errors.form.outcome") }),
    amount: money(zodMessage("errors.form.partialAmount")).optional(),
    returnRequired: z.literal("on").optional(),
    rationale: text("rationale"),
  }),
  z.object({ intent: z.literal("DECIDE_REFUND_DISPUTE"), ...base, disputeId, outcome: z.enum(DISPUTE_OUTCOMES, { error: zodMessage("errors.form.refundOutcome") }), rationale: text("rationale") }),
  z.object({ intent: z.literal("APPEAL_DECISION"), ...base, disputeId, statement: text("appeal") }),
  z.object({ intent: z.literal("DECIDE_APPEAL"), ...base, disputeId, outcome: z.enum(APPEAL_OUTCOMES, { error: zodMessage("errors.form.appealOutcome") }), rationale: text("rationale") }),
  // Whether a reason is needed (another agent has the case) is the engine's to say.
  z.object({ intent: z.literal("TAKE_DISPUTE"), ...base, disputeId, reason: optionalText(zodMessage("errors.form.tooLong", { what: "reason", max: MAX_NOTE }), MAX_NOTE) }),
  z.object({
    intent: z.literal("ASK_FOR_INFORMATION"),
    ...base,
    disputeId,
    party: z.enum(STATEMENT_PARTIES, { error: zodMessage("errors.form.party") }),
    question: text("question", MAX_NOTE),
  }),
]);

type Parsed = z.infer<typeof commandSchema>;
// Every command a person sends has a schema here: one added to the engine and not here fails to compile.
type Unvalidated = Exclude<PersonCommandType, Parsed["intent"]>;
const _everyIntent: [Unvalidated] extends [never] ? true : Unvalidated = true;
void _everyIntent;

/** Each intent is one service. */
function run(parsed: Parsed, photos: File[], user: SessionUser, now: Date): Promise<Result<OrderCommandResult>> {
  const input = { orderId: parsed.orderId, expectedVersion: parsed.version, idempotencyKey: parsed.idempotencyKey };
  switch (parsed.intent) {
    case "PAY":
      return payOrder(user, input, now);
    case "BUYER_CANCEL":
      return cancelOrder(user, { ...input, reasonKey: parsed.reasonKey }, now);
    case "REQUEST_CANCEL":
      return requestCancel(user, { ...input, reasonKey: parsed.reasonKey }, now);
    case "WITHDRAW_CANCEL_REQUEST":
      return withdrawCancelRequest(user, input, now);
    case "APPROVE_CANCEL_REQUEST":
      return approveCancelRequest(user, input, now);
    case "REJECT_CANCEL_REQUEST":
      return rejectCancelRequest(user, { ...input, reasonKey: parsed.reasonKey }, now);
    case "SELLER_CANCEL":
      return sellerCancelOrder(user, { ...input, reasonKey: parsed.reasonKey }, now);
    case "ARRANGE_SHIPMENT":
      return arrangeShipment(user, input, now);
    case "OPERATOR_CANCEL":
      return operatorCancelOrder(user, { ...input, reasonKey: parsed.reasonKey }, now);
    case "REFUSE_PARCEL":
      return refuseParcel(user, input, now);
    case "REQUEST_RETURN":
      return requestReturn(user, { ...input, caseType: parsed.caseType, reasonKey: parsed.reasonKey, description: parsed.description, photos }, now);
    case "WITHDRAW_RETURN":
      return withdrawReturn(user, input, now);
    case "ACCEPT_OFFER":
      return acceptOffer(user, input, now);
    case "DECLINE_OFFER":
      return declineOffer(user, input, now);
    case "SHIP_RETURN":
      return shipReturn(user, { ...input, method: parsed.method, carrier: parsed.carrier, trackingNumber: parsed.trackingNumber }, now);
    case "APPROVE_RETURN":
      return approveReturn(user, input, now);
    case "REJECT_RETURN":
      return rejectReturn(user, { ...input, reasonKey: parsed.reasonKey }, now);
    case "OFFER_PARTIAL_REFUND":
      return offerPartialRefund(user, { ...input, amountMinor: parsed.amount }, now);
    case "ACCEPT_RETURNED_PARCEL":
      return acceptReturnedParcel(user, input, now);
    case "REJECT_RETURNED_PARCEL":
      return rejectReturnedParcel(user, { ...input, reasonKey: parsed.reasonKey, photos }, now);
    case "CONFIRM_REFUSED_PARCEL":
      return confirmRefusedParcel(user, input, now);
    case "ESCALATE":
      return escalate(user, { ...input, ...parsed.subject, statement: parsed.statement, photos }, now);
    case "ADD_DISPUTE_STATEMENT":
      return addDisputeStatement(user, { ...input, disputeId: parsed.disputeId, statement: parsed.statement, photos }, now);
    case "DECIDE_DISPUTE":
      return decideDispute(
        user,
        { ...input, disputeId: parsed.disputeId, outcome: parsed.outcome, amountMinor: parsed.amount ?? null, returnRequired: parsed.returnRequired === "on", rationale: parsed.rationale },
        now,
      );
    case "DECIDE_REFUND_DISPUTE":
      return decideRefundDispute(user, { ...input, disputeId: parsed.disputeId, outcome: parsed.outcome, rationale: parsed.rationale }, now);
    case "APPEAL_DECISION":
      return appealDecision(user, { ...input, disputeId: parsed.disputeId, statement: parsed.statement }, now);
    case "DECIDE_APPEAL":
      return decideAppeal(user, { ...input, disputeId: parsed.disputeId, outcome: parsed.outcome, rationale: parsed.rationale }, now);
    case "TAKE_DISPUTE":
      return takeDispute(user, { ...input, disputeId: parsed.disputeId, reason: parsed.reason }, now);
    case "ASK_FOR_INFORMATION":
      return askForInformation(user, { ...input, disputeId: parsed.disputeId, party: parsed.party, question: parsed.question }, now);
  }
}

/** The one form action of the order page: validates the form, runs the one service it names, answers with the result. */
export async function orderCommandAction(_previous: CommandFormState, formData: FormData): Promise<CommandFormState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(SESSION_ENDED) };

  // Only a real form, each field once (a repeated field is a forged or broken request, not "the last one wins").
  const form = readForm(formData, { multi: ["photos"] });
  if (!form.ok) return { ok: false, message: render(form.message) };
  const { fields } = form;
  const values = Object.fromEntries(Object.entries(fields).filter(([name]) => !["intent", "orderId", "version", "idempotencyKey"].includes(name)));
  const photos = form.files.photos ?? [];
  const parsed = commandSchema.safeParse(fields);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[] | undefined> };
    const shown = Object.fromEntries(
      Object.entries(fieldErrors)
        .filter(([field, errors]) => errors && !["orderId", "version", "idempotencyKey", "intent", "disputeId"].includes(field))
        .map(([field, errors]) => [field, errors!.map((error) => render(formMessage(error)))]),
    );
    if (Object.keys(shown).length > 0) return { ok: false, message: render(m("errors.form.check")), fieldErrors: shown, values };
    return { ok: false, message: render(OUT_OF_DATE), values };
  }

  const result = await run(parsed.data, photos, user, await appNow());
  if (!result.ok) {
    return { ok: false, ...(await spokenError(result.error)), stale: result.error.code === "CONFLICT", values };
  }
  // No revalidatePath: a form with JavaScript gets only this answer and refreshes its page itself
  // (command-form.tsx); a form posted without JavaScript gets the page rendered afresh anyway.
  const { orderId, version, status } = result.value;
  return { ok: true, message: render(result.value.summary), order: { id: orderId, version, status } };
}
