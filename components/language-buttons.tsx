import { setLanguage } from "@/app/actions/preferences";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

/** One button per language, each named in itself; the current one pressed. The header's menu and Settings both use it. */
export function LanguageButtons({ locale, label, labelledBy, className, buttonClassName }: { locale: Locale; label?: string; labelledBy?: string; className: string; buttonClassName: (current: boolean) => string }) {
  return (
    <form action={setLanguage} aria-label={label} aria-labelledby={labelledBy} className={className}>
      {LOCALES.map((option) => (
        <button key={option} type="submit" name="locale" value={option} lang={option} aria-pressed={option === locale} className={buttonClassName(option === locale)}>
          {LOCALE_NAMES[option]}
        </button>
      ))}
    </form>
  );
}
