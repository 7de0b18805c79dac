/**
 * What every server action does with what the browser sent, before zod sees it: only a real form
 * (FormData) is read — anything else (a JSON body, a string, nothing) is an out-of-date or forged
 * request — and a field sent twice is refused rather than silently taking one of the values.
 */
import { z } from "zod";
import { m, parseStoredMessage, type Message, type MessageKey } from "./i18n/message";
import { cleanText, visibleLength } from "./text";

export const OUT_OF_DATE: Message = m("errors.outOfDate");
export const SESSION_ENDED: Message = m("errors.sessionEnded");

/**
 * A zod error message that is a message key with parameters (zod keeps strings): the action turns
 * it back with `formMessage` and says it in the viewer's language.
 */
export function zodMessage(key: MessageKey, params?: Message["params"]): string {
  return JSON.stringify(m(key, params));
}

/** A zod issue's message as a message (see zodMessage); a plain string (zod's own) as it is. */
export function formMessage(text: string): Message {
  return parseStoredMessage(text) ?? m("engine.verbatim", { text });
}

export type ReadForm = { ok: true; fields: Record<string, string>; files: Record<string, File[]>; lists: Record<string, string[]> } | { ok: false; message: Message };

/**
 * The form's text fields (each at most once, empty ones left out), its files, and the values of the
 * fields `multi` allows to repeat (photos; the checkboxes of a list) in `lists`.
 */
export function readForm(input: unknown, options: { multi?: readonly string[] } = {}): ReadForm {
  if (!(input instanceof FormData)) return { ok: false, message: OUT_OF_DATE };
  const fields: Record<string, string> = {};
  const files: Record<string, File[]> = {};
  const lists: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const [name, value] of input.entries()) {
    // React's own fields for server actions ($ACTION_…) are Next's business.
    if (name.startsWith("$ACTION")) continue;
    if (typeof value !== "string") {
      if (!options.multi?.includes(name)) return { ok: false, message: OUT_OF_DATE };
      if (value.size > 0) (files[name] ??= []).push(value);
      continue;
    }
    if (options.multi?.includes(name)) {
      if (value !== "") (lists[name] ??= []).push(value);
      continue;
    }
    if (seen.has(name)) return { ok: false, message: OUT_OF_DATE };
    seen.add(name);
    if (value !== "") fields[name] = value;
  }
  return { ok: true, fields, files, lists };
}

/** The order's version as the page rendered it: digits only (spaces or "1e3" are not a version). */
export const versionField = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

/**
 * A text field people read: cleaned (NFC, invisible characters removed: lib/text.ts), then at least
 * `min` visible characters and at most `max` characters.
 */
export function visibleText(messages: { required: string; tooLong: string }, max: number, min = 1) {
  return z
    .string({ error: messages.required })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .max(max, { error: messages.tooLong })
        .refine((value) => visibleLength(value) >= min, { error: messages.required }),
    );
}

/** An optional text field: cleaned the same way; empty (or only invisible characters) reads as "". */
export function optionalText(tooLong: string, max: number) {
  return z
    .string()
    .optional()
    .default("")
    .transform((value) => (visibleLength(value) === 0 ? "" : cleanText(value)))
    .pipe(z.string().max(max, { error: tooLong }));
}
