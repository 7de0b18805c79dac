/**
 * A translator and formats for a language and zone outside React (a CSV export, the English
 * summary stored with an event, the generated rules reference, tests).
 */
import { createTranslator } from "use-intl/core";
import { CATALOGUES } from "./catalogues";
import { createFormat, type Format } from "./format";
import { DEFAULT_TIME_ZONE, type Locale } from "./locales";
import type { Message, MessageParam } from "./message";
import { renderMessage, renderParam, type Translate } from "./render";

export interface I18n {
  locale: Locale;
  t: Translate;
  f: Format;
  render: (message: Message) => string;
  /** One parameter on its own (a date, an amount, a cut-off), formatted for the viewer. */
  param: (param: MessageParam) => string;
}

const cached = new Map<string, I18n>();

export function i18nFor(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): I18n {
  const cacheKey = `${locale}|${timeZone}`;
  const hit = cached.get(cacheKey);
  if (hit) return hit;
  const translator = createTranslator({ locale, messages: CATALOGUES[locale], timeZone });
  const t: Translate = (key, params) => (translator as unknown as Translate)(key, params);
  const f = createFormat(locale, timeZone, t);
  const i18n: I18n = { locale, t, f, render: (message) => renderMessage(message, t, f), param: (param) => String(renderParam(param, t, f)) };
  cached.set(cacheKey, i18n);
  return i18n;
}

/** The record's language: English, in UTC (stored summaries, CSV exports, logs). */
export const english = (): I18n => i18nFor("en", "UTC");
