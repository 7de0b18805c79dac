import "server-only";
/** The viewer's language and time zone, from their cookies, else their browser's Accept-Language and UTC. */
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { DEFAULT_TIME_ZONE, LOCALE_COOKIE, TIME_ZONE_CHOSEN_COOKIE, TIME_ZONE_COOKIE, isLocale, isTimeZone, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate";

export interface ViewerPreferences {
  locale: Locale;
  timeZone: string;
  /** The viewer picked the zone (else it is their browser's, kept in step by <TimeZoneSync>). */
  timeZoneChosen: boolean;
  /** The browser has reported its zone (or the viewer chose one): before that the page shows UTC. */
  timeZoneKnown: boolean;
}

export const viewerPreferences = cache(async (): Promise<ViewerPreferences> => {
  const jar = await cookies();
  const saved = jar.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(saved) ? saved : negotiateLocale((await headers()).get("accept-language"));
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  const known = isTimeZone(zone);
  return { locale, timeZone: known ? zone : DEFAULT_TIME_ZONE, timeZoneChosen: known && jar.has(TIME_ZONE_CHOSEN_COOKIE), timeZoneKnown: known };
});
