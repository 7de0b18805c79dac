/**
 * The languages the app speaks, and the cookies that remember a viewer's language and time zone.
 * Client-safe: no server imports.
 */
export const LOCALES = ["en", "zh-Hant", "zh-Hans"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, for the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文" };
/** The same, as short as a phone's header needs. */
export const LOCALE_SHORT_NAMES: Record<Locale, string> = { en: "EN", "zh-Hant": "繁", "zh-Hans": "简" };

export const LOCALE_COOKIE = "NEXT_LOCALE";
/** The viewer's IANA time zone ("Asia/Taipei"); the browser writes it unless the viewer chose one. */
export const TIME_ZONE_COOKIE = "tz";
/** Present when the viewer chose the zone in the menu: the browser then leaves `tz` alone. */
export const TIME_ZONE_CHOSEN_COOKIE = "tz_chosen";
export const DEFAULT_TIME_ZONE = "UTC";
/** A year: both are preferences, not sessions. */
export const PREFERENCE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** An IANA zone this runtime knows ("Asia/Taipei", "UTC"); anything else is not a zone. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zones the menu offers first: where the platform's buyers, sellers and support work. */
export const COMMON_TIME_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "Europe/London",
  "Asia/Taipei",
  "Asia/Hong_Kong",
  "Asia/Shanghai",
  "Asia/Singapore",
  "Asia/Tokyo",
] as const;
