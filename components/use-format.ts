"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createFormat, type Format } from "@/lib/i18n/format";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/locales";
import type { Message } from "@/lib/i18n/message";
import type { Translate } from "@/lib/i18n/render";

/** The viewer's formats in a client component: the same language and zone the server rendered with. */
export function useFormat(): Format {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const t = useTranslations();
  return useMemo(() => createFormat(locale, timeZone, t as unknown as Translate), [locale, timeZone, t]);
}


/**
 * Renders one of the engine's client-side messages (keys under "client.", such as a photo limit) in
 * the viewer's language. Other messages are rendered on the server before they reach the browser.
 */
export function useClientMessage(): (message: Message) => string {
  const t = useTranslations("client");
  return (message) => {
    if (!message.key.startsWith("client.")) throw new Error(`${message.key} is not a client message`);
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(message.params ?? {})) params[name] = typeof value === "string" || typeof value === "number" ? value : String(value);
    return (t as unknown as Translate)(message.key.slice("client.".length), params);
  };
}
