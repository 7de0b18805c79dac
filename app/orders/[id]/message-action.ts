"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, readForm } from "@/lib/forms";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { sendMessage } from "@/lib/server/conversations/send-message";

export type MessageFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; body?: string } | null;

// The length and the photos are the service's to check (the same limits as evidence).
const schema = z.object({ orderId: z.string().trim().min(1).max(100), body: z.string().max(10_000).optional().default("") });

/** Sends a message in an order's conversation: validate, one service, refresh the pages. */
export async function sendMessageAction(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again to continue." };
  const form = readForm(formData, { multi: ["photos"] });
  if (!form.ok) return { ok: false, message: form.message };
  const parsed = schema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: OUT_OF_DATE };
  const result = await sendMessage(user, { orderId: parsed.data.orderId, body: parsed.data.body, photos: form.files.photos ?? [] }, await appNow());
  if (!result.ok) return { ok: false, message: result.error.message, fieldErrors: result.error.fieldErrors, body: parsed.data.body };
  revalidatePath(`/orders/${parsed.data.orderId}`);
  revalidatePath("/", "layout");
  return { ok: true, message: "Sent." };
}
