"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { systemClock } from "@/lib/clock";
import { OUT_OF_DATE, formMessage, readForm, visibleText, zodMessage } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { createAppFor, newCodeFor } from "@/lib/server/api/manage-apps";
import { sendAgain } from "@/lib/server/api/delivery-log";

/** What the form shows after creating an app or a code: the values shown once. */
export type DeveloperState =
  | { ok: true; message: string; name: string; appKey: string; appSecret: string | null; authCode: string; codeExpiresText: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> }
  | null;

async function expiresText(at: Date): Promise<string> {
  const { f } = await getI18n();
  return (await getTranslations("developer.form"))("codeExpires", { at: f.dateTime(at) });
}

const createSchema = z.object({ name: visibleText({ required: zodMessage("developer.form.nameRequired"), tooLong: zodMessage("developer.form.nameTooLong", { max: 40 }) }, 40) });

export async function createAppAction(_previous: DeveloperState, formData: FormData): Promise<DeveloperState> {
  const user = await requireUser("SELLER");
  const { render } = await getI18n();
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(OUT_OF_DATE) };
  const parsed = createSchema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: render(m("errors.checkFields")), fieldErrors: { name: render(formMessage(parsed.error.issues[0]!.message)) } };
  const result = await createAppFor(db, user, parsed.data.name, systemClock.now());
  if (!result.ok) return { ok: false, message: render(result.error.message) };
  revalidatePath("/seller/developer");
  const app = result.value;
  return { ok: true, message: render(m("developer.form.created", { name: parsed.data.name })), name: parsed.data.name, appKey: app.appKey, appSecret: app.appSecret, authCode: app.authCode, codeExpiresText: await expiresText(app.codeExpiresAt) };
}

const codeSchema = z.object({ appId: z.string().min(1).max(100) });

export async function newCodeAction(_previous: DeveloperState, formData: FormData): Promise<DeveloperState> {
  const user = await requireUser("SELLER");
  const { render } = await getI18n();
  const form = readForm(formData);
  const parsed = codeSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE) };
  const result = await newCodeFor(db, user, parsed.data.appId, systemClock.now());
  if (!result.ok) return { ok: false, message: render(result.error.message) };
  const app = result.value;
  return { ok: true, message: render(m("developer.form.newCode", { name: app.name })), name: app.name, appKey: app.appKey, appSecret: null, authCode: app.authCode, codeExpiresText: await expiresText(app.codeExpiresAt) };
}

const resendSchema = z.object({ deliveryId: z.string().min(1).max(100) });

/** "Send again" on a webhook delivery: queued once (a double click finds it already waiting). */
export async function sendAgainAction(_previous: SendAgainState, formData: FormData): Promise<SendAgainState> {
  const user = await requireUser("SELLER");
  const { render } = await getI18n();
  const form = readForm(formData);
  const parsed = resendSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE) };
  const result = await sendAgain(db, user, parsed.data.deliveryId, systemClock.now());
  if (!result.ok) return { ok: false, message: render(result.error.message) };
  revalidatePath("/seller/developer");
  return { ok: true, message: render(m(result.value.queued ? "developer.log.queued" : "developer.log.alreadyWaiting")) };
}

export type SendAgainState = { ok: boolean; message: string } | null;
