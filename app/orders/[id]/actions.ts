"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reasonKeys } from "@/lib/order";
import { appClock } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { cancelOrder } from "@/lib/server/orders/cancel-order";

export type CancelFormState = {
  ok: boolean;
  message: string;
  stale?: boolean;
  fieldErrors?: { reasonKey?: string[] };
} | null;

const cancelSchema = z.object({
  orderId: z.string().trim().min(1, { error: "The form is missing the order. Reload the page." }).max(100),
  version: z.coerce.number({ error: "The form is missing the order version. Reload the page." }).int().nonnegative(),
  reasonKey: z.enum(reasonKeys("BUYER_CANCEL"), { error: "Choose a reason for cancelling." }),
});

export async function cancelOrderAction(_previous: CancelFormState, formData: FormData): Promise<CancelFormState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to cancel this order." };

  const parsed = cancelSchema.safeParse({
    orderId: formData.get("orderId"),
    version: formData.get("version"),
    reasonKey: formData.get("reasonKey") || undefined,
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    if (fieldErrors.reasonKey) return { ok: false, message: "Check the form.", fieldErrors: { reasonKey: fieldErrors.reasonKey } };
    return { ok: false, message: fieldErrors.orderId?.[0] ?? fieldErrors.version?.[0] ?? "The form is incomplete. Reload the page." };
  }

  const { orderId, version, reasonKey } = parsed.data;
  const result = await cancelOrder(user, { orderId, expectedVersion: version, reasonKey }, appClock().now());
  if (!result.ok) {
    const { code, message, fieldErrors } = result.error;
    return { ok: false, message, stale: code === "CONFLICT", fieldErrors };
  }

  revalidatePath(`/orders/${orderId}`);
  revalidatePath("/buyer/orders");
  return { ok: true, message: "Order cancelled." };
}
