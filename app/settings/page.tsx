import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageButtons } from "@/components/language-buttons";
import { TimeZoneForm } from "@/components/time-zone-form";
import { losAngelesDate, losAngelesTime } from "@/lib/order/calendar";
import { COMMON_TIME_ZONES } from "@/lib/i18n/locales";
import { viewerPreferences } from "@/lib/i18n/preferences";
import { getI18n } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

/** Every IANA zone this runtime knows, UTC first. */
function allZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/** A zone named in the viewer's language, with its id and offset now: "台北標準時間 · Asia/Taipei (GMT+08:00)". */
function zoneLabel(zone: string, at: Date, locale: string): string {
  const part = (language: string, style: "longOffset" | "long") =>
    new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const offset = part("en", "longOffset");
  const name = part(locale, "long");
  // Without a name of its own, Intl says the offset again ("GMT+03:00"): the id is the name then.
  return name && !/^(GMT|UTC)[+-−]/.test(name) && name !== offset ? `${name} · ${zone.replace(/_/g, " ")} (${offset})` : `${zone.replace(/_/g, " ")} (${offset})`;
}

/** The viewer's language and time zone: for anyone, signed in or not (cookies of this browser). */
export default async function SettingsPage() {
  const t = await getTranslations("settings");
  const [{ locale, timeZone, timeZoneChosen, timeZoneKnown }, { f }, now] = await Promise.all([viewerPreferences(), getI18n(), appNow()]);
  const option = (zone: string) => ({ value: zone, label: zoneLabel(zone, now, locale) });
  // An example cut-off: 23:59 in Los Angeles on the app's current Los Angeles date.
  const example = losAngelesTime(losAngelesDate(now), 23, 59);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-stone-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="language-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="language-heading" className="text-lg font-semibold">
          {t("languageHeading")}
        </h2>
        <p className="text-sm text-stone-700">{t("languageIntro")}</p>
        <LanguageButtons
          locale={locale}
          labelledBy="language-heading"
          className="flex flex-wrap gap-2"
          buttonClassName={(current) => `min-h-11 rounded border px-4 py-2 ${current ? "border-brand-600 bg-brand-50 font-semibold" : "border-stone-300 hover:bg-stone-100"}`}
        />
      </section>
      <section aria-labelledby="zone-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="zone-heading" className="text-lg font-semibold">
          {t("zoneHeading")}
        </h2>
        <p className="text-sm text-stone-700">
          {t.rich("zoneNow", { zone: f.zoneName(now), now: f.dateTime(now), strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          {timeZoneChosen ? t("zoneChosen") : timeZoneKnown ? t("zoneFollowing") : t("zoneUnknown")}
        </p>
        <p className="text-sm text-stone-700">{t("cutoffNote", { example: f.cutoff(example) })}</p>
        <TimeZoneForm
          chosen={timeZoneChosen}
          current={timeZone}
          common={COMMON_TIME_ZONES.map(option)}
          all={allZones().map(option)}
        />
      </section>
    </div>
  );
}
