import "server-only";
/** The viewer's translator and formats, for server components, actions and routes. */
import { cache } from "react";
import type { DomainError } from "@/lib/errors";
import { viewerPreferences } from "./preferences";
import { i18nFor, type I18n } from "./translator";

export const getI18n = cache(async (): Promise<I18n & { timeZone: string }> => {
  const { locale, timeZone } = await viewerPreferences();
  return { ...i18nFor(locale, timeZone), timeZone };
});

/** A service's refusal in the viewer's language, for a form's state: the sentence and each field's. */
export async function spokenError(error: DomainError): Promise<{ message: string; fieldErrors?: Record<string, string[]> }> {
  const { render } = await getI18n();
  return error.fieldErrors
    ? { message: render(error.message), fieldErrors: Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.map(render)])) }
    : { message: render(error.message) };
}
