import Link from "next/link";

/** Previous / next links that keep the other search params. */
export function Pagination({ page, pageCount, basePath, params = {} }: { page: number; pageCount: number; basePath: string; params?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const search = new URLSearchParams({ ...params, page: String(target) });
    return `${basePath}?${search.toString()}`;
  };
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
