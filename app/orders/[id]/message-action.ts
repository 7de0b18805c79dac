"use server";

import { z } from "zod";
import { OUT_OF_DATE, SESSION_ENDED, readForm } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { sendMessage } from "@/lib/server/conversations/send-message";

export type MessageFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; body?: string } | null;

// The length and the photos are the service's to check (the same limits as evidence).
const schema = z.object({ orderId: z.string().trim().min(1).max(100), body: z.string().max(10_000).optional().default("") });

/** Sends a message in an order's conversation: validate, one service, answer with the result. */
export async function sendMessageAction(_previous: MessageFormState, formData: FormData): Promise<MessageFormState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(SESSION_ENDED) };
  const form = readForm(formData, { multi: ["photos"] });
  if (!form.ok) return { ok: false, message: render(form.message) };
  const parsed = schema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE) };
  const result = await sendMessage(user, { orderId: parsed.data.orderId, body: parsed.data.body, photos: form.files.photos ?? [] }, await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), body: parsed.data.body };
  // The form refreshes its page itself (message-form.tsx); without JavaScript the page is rendered afresh.
  return { ok: true, message: render(m("order.conversation.sent")) };
}
