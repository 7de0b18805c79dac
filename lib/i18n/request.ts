/** next-intl's per-request configuration (next.config.ts points here): the viewer's language, zone and catalogue. */
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { viewerPreferences } from "./preferences";

export default getRequestConfig(async () => {
  const { locale, timeZone } = await viewerPreferences();
  return { locale, timeZone, messages: CATALOGUES[locale] };
});
