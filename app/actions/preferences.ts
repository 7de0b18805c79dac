"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { readForm } from "@/lib/forms";
import { LOCALES, LOCALE_COOKIE, PREFERENCE_COOKIE_MAX_AGE, TIME_ZONE_CHOSEN_COOKIE, TIME_ZONE_COOKIE, isTimeZone } from "@/lib/i18n/locales";

const cookieOptions = { path: "/", sameSite: "lax" as const, maxAge: PREFERENCE_COOKIE_MAX_AGE, httpOnly: false };

const languageSchema = z.object({ locale: z.enum(LOCALES) });

/** The language menu: remembered in a cookie; the page re-renders in it. An unknown language changes nothing. */
export async function setLanguage(formData: FormData): Promise<void> {
  const form = readForm(formData);
  const parsed = languageSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, cookieOptions);
}

export type TimeZoneState = { ok: boolean; message: "saved" | "browser" | "unknownZone" } | null;

// "Follow my browser" is the empty choice, which the form reader leaves out.
const zoneSchema = z.object({ timeZone: z.string().trim().max(64).default("") });

/** Settings: a zone the viewer picks, or "" to follow the browser again. */
export async function setTimeZone(_previous: TimeZoneState, formData: FormData): Promise<TimeZoneState> {
  const form = readForm(formData);
  const parsed = zoneSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: "unknownZone" };
  const jar = await cookies();
  if (parsed.data.timeZone === "") {
    jar.delete(TIME_ZONE_CHOSEN_COOKIE);
    return { ok: true, message: "browser" };
  }
  if (!isTimeZone(parsed.data.timeZone)) return { ok: false, message: "unknownZone" };
  jar.set(TIME_ZONE_COOKIE, parsed.data.timeZone, cookieOptions);
  jar.set(TIME_ZONE_CHOSEN_COOKIE, "1", cookieOptions);
  return { ok: true, message: "saved" };
}
