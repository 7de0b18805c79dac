/** The three catalogues, loaded once per process. zh-Hans is generated from zh-Hant (npm run i18n:hans). */
import en from "../../messages/en.json" with { type: "json" };
import zhHans from "../../messages/zh-Hans.json" with { type: "json" };
import zhHant from "../../messages/zh-Hant.json" with { type: "json" };
import type { Locale } from "./locales";

export type Catalogue = typeof en;

export const CATALOGUES: Record<Locale, Catalogue> = { en, "zh-Hant": zhHant as Catalogue, "zh-Hans": zhHans as Catalogue };
