import { getTranslations } from "next-intl/server";

/** A titled section of the order page; its heading names the region for screen readers. `id`: the heading's id, stable in every language. */
export function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={`section-${id}`} className="mb-3 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Links to evidence photos (served only to the order's parties and support). */
export async function EvidenceLinks({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  const t = await getTranslations("order");
  return (
    <ul aria-label={t("photos")} className="flex flex-wrap gap-2">
      {ids.map((id, i) => (
        <li key={id}>
          <a href={`/evidence/${id}`} target="_blank" rel="noreferrer" className="text-sm text-brand-700 underline">
            {t("photo", { n: i + 1 })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Label/value rows; rows without a value are left out. */
export function Facts({ rows }: { rows: [string, string | null][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
