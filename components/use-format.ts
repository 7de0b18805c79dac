"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createFormat, type Format } from "@/lib/i18n/format";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/render";

/** The viewer's formats in a client component: the same language and zone the server rendered with. */
export function useFormat(): Format {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const t = useTranslations();
  return useMemo(() => createFormat(locale, timeZone, t as unknown as Translate), [locale, timeZone, t]);
}

