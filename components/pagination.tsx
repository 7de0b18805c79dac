import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Previous / next links that keep the other search params. */
export async function Pagination({ page, pageCount, basePath, params = {} }: { page: number; pageCount: number; basePath: string; params?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("lists.pages");
  const href = (target: number) => {
    const search = new URLSearchParams({ ...params, page: String(target) });
    return `${basePath}?${search.toString()}`;
  };
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="inline-flex min-h-11 items-center rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          {t("previous")}
        </Link>
      ) : null}
      <span>
        {t("pageOf", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="inline-flex min-h-11 items-center rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
