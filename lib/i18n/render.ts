/** Turns a message (a key with typed parameters) into the viewer's sentence. Pure. */
import type { Format } from "./format";
import { isMessage, type Message, type MessageParam } from "./message";

/** A translator over the whole catalogue (next-intl's `createTranslator` or `getTranslations()`). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function renderParam(param: MessageParam, t: Translate, f: Format): string | number {
  if (typeof param === "string" || typeof param === "number") return param;
  // A part of a sentence keeps its spaces (" with 2 photos" joins the sentence it is in); the sentence is trimmed.
  if (isMessage(param)) return renderMessage(param, t, f, false);
  if ("money" in param) return f.money(param.money, param.currency);
  if ("at" in param) return f.dateTime(new Date(param.at));
  if ("day" in param) return f.day(new Date(param.day));
  if ("list" in param) return f.list(param.list.map((item) => String(renderParam(item, t, f))));
  if ("cutoff" in param) return f.cutoff(new Date(param.cutoff));
  return f.remaining(param.duration);
}

export function renderMessage(message: Message, t: Translate, f: Format, trim = true): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = renderParam(value, t, f);
  const text = message.params ? t(message.key, params) : t(message.key);
  return trim ? text.trim() : text;
}
