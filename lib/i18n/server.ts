import "server-only";
/** The viewer's translator and formats, for server components, actions and routes. */
import { cache } from "react";
import { viewerPreferences } from "./preferences";
import { i18nFor, type I18n } from "./translator";

export const getI18n = cache(async (): Promise<I18n & { timeZone: string }> => {
  const { locale, timeZone } = await viewerPreferences();
  return { ...i18nFor(locale, timeZone), timeZone };
});
