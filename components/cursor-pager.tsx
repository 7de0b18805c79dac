import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Newer / older links for a keyset-paged list; they keep the other search params. */
export async function CursorPager({ newer, older, basePath, params = {}, noun }: { newer: string | null; older: string | null; basePath: string; params?: Record<string, string>; noun: string }) {
  if (!newer && !older) return null;
  const t = await getTranslations("lists.pages");
  const href = (key: "after" | "before", cursor: string) => `${basePath}?${new URLSearchParams({ ...params, [key]: cursor }).toString()}`;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-4 text-sm">
      {newer ? (
        <Link href={href("before", newer)} className="inline-flex min-h-11 items-center rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          {t("newer", { noun })}
        </Link>
      ) : null}
      {older ? (
        <Link href={href("after", older)} className="inline-flex min-h-11 items-center rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          {t("older", { noun })}
        </Link>
      ) : null}
    </nav>
  );
}
