/** The language for a viewer who has not chosen one: the best match of their browser's Accept-Language. */
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  // Negotiator returns "*" for a wildcard; the matcher wants real tags.
  const tags = requested.filter((tag) => tag !== "*" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag));
  if (tags.length === 0) return DEFAULT_LOCALE;
  try {
    return match(tags, [...LOCALES], DEFAULT_LOCALE) as Locale;
  } catch {
    return DEFAULT_LOCALE;
  }
}
