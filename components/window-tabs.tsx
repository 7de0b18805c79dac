import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PERFORMANCE_WINDOWS } from "@/lib/order/performance";

/** The 7- and 30-day windows of a figures page, as links (the current one marked), and the dates the chosen one covers. */
export async function WindowTabs({ path, chosen, from, to }: { path: string; chosen: number; from: string; to: string }) {
  const t = await getTranslations("figures.window");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2 text-sm">
      {PERFORMANCE_WINDOWS.map((days) => (
        <Link
          key={days}
          href={`${path}?window=${days}`}
          aria-current={days === chosen ? "page" : undefined}
          className={`whitespace-nowrap rounded-full px-3 py-1 ring-1 ${days === chosen ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-stone-800 ring-stone-300 hover:bg-stone-50"}`}
        >
          {t("lastDays", { days })}
        </Link>
      ))}
      <span className="text-stone-600">
        {t("range", { from, to })}
      </span>
    </nav>
  );
}
