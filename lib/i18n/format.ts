/**
 * Dates, money, numbers and durations for one viewer: their language and their time zone. Built once
 * per request on the server (lib/i18n/server.ts) and once per page in the browser (the client
 * provider), from the same inputs, so both render the same text. Pure: no server imports.
 */
import type { Locale } from "./locales";

/** Translates a format message ("format.duration.hm"); the caller passes its translator. */
export type FormatTranslate = (key: string, params: Record<string, string | number>) => string;

export interface Format {
  locale: Locale;
  timeZone: string;
  /** "Mar 10, 2026, 3:59 PM GMT+8" / "2026年3月10日 下午3:59 [GMT+8]": the viewer's zone, named. */
  dateTime(at: Date): string;
  /** "Dec 5, 8:05 AM": the same without the year and the zone, where a phone's line is short. */
  shortDateTime(at: Date): string;
  /** "Tue, Mar 10, 2026" in the viewer's zone. */
  day(at: Date): string;
  /** A Los Angeles cut-off: "Tue, Mar 10, 11:59 PM in Los Angeles = Wed, Mar 11, 3:59 PM GMT+8" (just the first part for a viewer in Los Angeles). */
  cutoff(at: Date): string;
  /** The zone's own name in the viewer's language ("Taiwan Standard Time", "台北標準時間"). */
  zoneName(at?: Date): string;
  /** "$1,234.50", "US$1,234.50": exact for any integer number of minor units. */
  money(minor: number, currency: string): string;
  number(value: number): string;
  /** "A, B, and C" / "A、B和C". */
  list(items: string[]): string;
  /** A ratio as a percentage with `digits` decimals ("2.5%"). */
  percent(ratio: number, digits?: number): string;
  /** Time left: "2 h 05 min", "4 min 09 s", "12 s", "3 d 4 h"; zero or less is "0 s". */
  remaining(ms: number): string;
  /** A length: hours with one decimal ("26.5 h"), or minutes under an hour ("40 min"). */
  hours(ms: number): string;
}

const MINOR_DIGITS: Record<string, number> = { USD: 2, JPY: 0, TWD: 2 };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(locale: string, timeZone: string, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `d|${locale}|${timeZone}|${name}`;
  let format = cache.get(cacheKey) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(cacheKey, format);
  }
  return format;
}
function nf(locale: string, name: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `n|${locale}|${name}`;
  let format = cache.get(cacheKey) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(cacheKey, format);
  }
  return format;
}

/** An integer number of minor units as an exact decimal string ("-1234.50"): Intl formats strings exactly. */
export function minorToDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be an integer number of minor units, got ${minor}`);
  const digits = MINOR_DIGITS[currency] ?? 2;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = digits > 0 ? "." + String(abs % 10 ** digits).padStart(digits, "0") : "";
  return (minor < 0 ? "-" : "") + whole + fraction;
}

export function createFormat(locale: Locale, timeZone: string, translate: FormatTranslate): Format {
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    locale,
    timeZone,
    dateTime: (at) =>
      dtf(locale, timeZone, "dateTime", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(at),
    shortDateTime: (at) => dtf(locale, timeZone, "shortDateTime", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(at),
    cutoff: (at) => {
      const la = dtf(locale, "America/Los_Angeles", "cutoffLa", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(at);
      if (timeZone === "America/Los_Angeles") return translate("client.format.cutoffLa", { la });
      const local = dtf(locale, timeZone, "cutoffLocal", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(at);
      return translate("client.format.cutoff", { la, local });
    },
    day: (at) => dtf(locale, timeZone, "day", { weekday: "short", year: "numeric", month: "short", day: "numeric" }).format(at),
    zoneName: (at = new Date(0)) =>
      dtf(locale, timeZone, "zone", { timeZoneName: "longGeneric" })
        .formatToParts(at)
        .find((part) => part.type === "timeZoneName")?.value ?? timeZone,
    money: (minor, currency) => {
      const digits = MINOR_DIGITS[currency] ?? 2;
      const decimal = minorToDecimal(minor, currency);
      // Intl.NumberFormat.format takes a decimal string and formats it without a float (ES2023).
      return nf(locale, `money|${currency}`, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(decimal as unknown as number);
    },
    list: (items) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items),
    number: (value) => nf(locale, "number", {}).format(value),
    percent: (ratio, digits = 1) => nf(locale, `percent|${digits}`, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio),
    remaining: (ms) => {
      const total = Math.max(0, Math.floor(ms / 1000));
      const d = Math.floor(total / 86_400);
      const h = Math.floor((total % 86_400) / 3600);
      const min = Math.floor((total % 3600) / 60);
      const s = total % 60;
      if (d > 0) return translate("client.format.remaining.dh", { d, h });
      if (h > 0) return translate("client.format.remaining.hm", { h, m: pad(min) });
      if (min > 0) return translate("client.format.remaining.ms", { m: min, s: pad(s) });
      return translate("client.format.remaining.s", { s });
    },
    hours: (ms) =>
      ms < 3_600_000
        ? translate("client.format.minutes", { m: Math.max(0, Math.round(ms / 60_000)) })
        : translate("client.format.hours", { h: nf(locale, "hours", { maximumFractionDigits: 1 }).format(Math.round(ms / 360_000) / 10) }),
  };
}
