"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Result } from "@/lib/errors";
import { appClock } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { approveCancelRequest } from "@/lib/server/orders/approve-cancel-request";
import { arrangeShipment } from "@/lib/server/orders/arrange-shipment";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { operatorCancelOrder } from "@/lib/server/orders/operator-cancel-order";
import { payOrder } from "@/lib/server/orders/pay-order";
import { rejectCancelRequest } from "@/lib/server/orders/reject-cancel-request";
import { requestCancel } from "@/lib/server/orders/request-cancel";
import type { OrderCommandResult } from "@/lib/server/orders/run-order-command";
import { sellerCancelOrder } from "@/lib/server/orders/seller-cancel-order";
import { withdrawCancelRequest } from "@/lib/server/orders/withdraw-cancel-request";

export type CommandFormState = {
  ok: boolean;
  message: string;
  stale?: boolean;
  fieldErrors?: Record<string, string[]>;
} | null;

const base = {
  orderId: z.string().trim().min(1, { error: "The form is missing the order. Reload the page." }).max(100),
  version: z.coerce.number({ error: "The form is missing the order version. Reload the page." }).int().nonnegative(),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
};
// The reason's list is checked by the rule engine, which knows which reasons fit this order now.
const reason = (message: string) => z.string({ error: message }).trim().min(1, { error: message }).max(100);
const cancelReason = reason("Choose a reason for cancelling.");
const rejectReason = reason("Choose a reason for rejecting.");

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
]);

type Parsed = z.infer<typeof commandSchema>;

/** Each intent is one service. */
function run(parsed: Parsed, user: NonNullable<Awaited<ReturnType<typeof currentUser>>>, now: Date): Promise<Result<OrderCommandResult>> {
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
  }
}

/** The one form action of the order page: validates the form, runs the one service it names, refreshes the pages. */
export async function orderCommandAction(_previous: CommandFormState, formData: FormData): Promise<CommandFormState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to continue." };

  const fields = Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string" && value !== ""));
  const parsed = commandSchema.safeParse(fields);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[] | undefined>; formErrors: string[] };
    if (fieldErrors.reasonKey) return { ok: false, message: "Check the form.", fieldErrors: { reasonKey: fieldErrors.reasonKey } };
    const first = Object.values(fieldErrors).flat()[0] ?? formErrors[0];
    return { ok: false, message: first && !/expected|invalid/i.test(first) ? first : "This form is out of date. Reload the page." };
  }

  const result = await run(parsed.data, user, appClock().now());
  if (!result.ok) {
    const { code, message, fieldErrors } = result.error;
    return { ok: false, message, stale: code === "CONFLICT", fieldErrors };
  }
  revalidatePath(`/orders/${parsed.data.orderId}`);
  revalidatePath("/", "layout");
  return { ok: true, message: result.value.summary };
}
