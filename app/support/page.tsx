import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { CommandForm } from "@/app/orders/[id]/_components/command-form";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import { POLICIES, ROLE_NOUNS, SUPPORT_QUEUE_KINDS, SUPPORT_QUEUE_LABELS, describeDuration } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { AGE_FILTERS, HOLDER_FILTERS, queueFilters, queueShops, supportQueue, type SupportQueueFilters } from "@/lib/server/support/queue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.queue"))("title") };
}

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The search params of a filter set (the cursor is left out: a new filter starts at the top). */
function query(filters: SupportQueueFilters, change: Partial<Record<"kind" | "shop" | "profile" | "age" | "holder", string | null>> = {}): string {
  const values: Record<string, string | null> = { kind: filters.kind, shop: filters.shopId, profile: filters.profile, age: filters.age, holder: filters.holder === "ANY" ? null : filters.holder, ...change };
  const params = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = params.toString();
  return text ? `/support?${text}` : "/support";
}

/**
 * Support's workbench home (issue 17, point 1): the disputes and appeals waiting for a decision,
 * most urgent first by support's decision target, with how long each has waited and who has it.
 */
export default async function SupportQueuePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPPORT");
  const params = await props.searchParams;
  const now = await appNow();
  const filters = queueFilters(params);
  const [page, shops] = await Promise.all([supportQueue(user, filters, now, { after: first(params.after) }), queueShops(user)]);
  const total = Object.values(page.counts).reduce((sum, n) => sum + n, 0);
  const t = await getTranslations("support.queue");
  const { f, render } = await getI18n();
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">
          {t("intro", { total, within: render(describeDuration(POLICIES.US.supportDecision)) })}
        </p>
      </div>
      <nav aria-label={t("kinds")} className="flex flex-wrap gap-2">
        {[null, ...SUPPORT_QUEUE_KINDS].map((kind) => {
          const current = kind === filters.kind;
          return (
            <Link
              key={kind ?? "all"}
              href={query(filters, { kind })}
              aria-current={current ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${current ? "border-brand-700 bg-brand-600 text-white" : "border-stone-300 bg-white hover:bg-stone-100"}`}
            >
              {kind ? render(SUPPORT_QUEUE_LABELS[kind]) : t("all")} <span className={current ? "" : "text-stone-500"}>({kind ? page.counts[kind] : total})</span>
            </Link>
          );
        })}
      </nav>
      <form action="/support" aria-label={t("filters")} className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 text-sm">
        {filters.kind ? <input type="hidden" name="kind" value={filters.kind} /> : null}
        <Filter label={t("shop")} name="shop" value={filters.shopId} options={shops.map((shop) => ({ value: shop.id, label: shop.name }))} all={t("allShops")} />
        <Filter label={t("rules")} name="profile" value={filters.profile} options={Object.values(POLICIES).map((p) => ({ value: p.key, label: render(p.label) }))} all={t("both")} />
        <Filter label={t("waiting")} name="age" value={filters.age} options={Object.keys(AGE_FILTERS).map((value) => ({ value, label: t("age", { hours: value }) }))} all={t("anyTime")} />
        <Filter label={t("takenBy")} name="holder" value={filters.holder === "ANY" ? null : filters.holder} options={(Object.keys(HOLDER_FILTERS) as (keyof typeof HOLDER_FILTERS)[]).filter((v) => v !== "ANY").map((value) => ({ value, label: t(`holder.${value}`) }))} all={t("anyone")} />
        <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
          {t("filter")}
        </button>
        <Link href="/support" className="py-1.5 text-brand-700 underline">
          {t("clear")}
        </Link>
      </form>
      {page.rows.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white px-3 py-4 text-stone-700">{t("none")}</p>
      ) : (
        <ul aria-label={t("cases")} className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {page.rows.map((row) => {
            const left = row.targetAt.getTime() - now.getTime();
            return (
              <li key={row.disputeId} aria-label={t("order", { code: row.code })} className="grid gap-2 px-4 py-3 md:grid-cols-[1fr_14rem_12rem] md:items-center md:gap-4">
                <div className="min-w-0">
                  <Link href={`/support/cases/${row.disputeId}`} className="font-medium text-brand-700 hover:underline">
                    {t("orderKind", { code: row.code, kind: render(SUPPORT_QUEUE_LABELS[row.kind]) })}
                  </Link>
                  <p className="text-sm text-stone-700">
                    {row.shopName} · {row.buyerName} · {f.money(row.totalMinor, row.currency)} · {render(POLICIES[row.profile === "GLOBAL" ? "GLOBAL" : "US"].label)}
                  </p>
                  {row.asked ? (
                    <p className="text-sm text-stone-700">
                      {t("waitingFor", { party: render(ROLE_NOUNS[row.asked.party]), by: f.dateTime(row.asked.answerBy) })}
                      {row.asked.answerBy.getTime() <= now.getTime() ? <strong className="text-red-700"> {t("late")}</strong> : null}
                    </p>
                  ) : null}
                </div>
                <p className="text-sm">
                  <span className="block">{t("waited", { time: f.remaining(now.getTime() - row.waitingSince.getTime()) })}</span>
                  {left <= 0 ? (
                    <strong className="text-red-700">{t("overdueBy", { time: f.remaining(-left) })}</strong>
                  ) : (
                    <span className="text-stone-600">{t("target", { at: f.dateTime(row.targetAt), in: f.remaining(left) })}</span>
                  )}
                </p>
                <div className="text-sm">
                  {row.holder ? (
                    <p>{row.holder.id === user.id ? <strong>{t("youHaveIt")}</strong> : t("takenByName", { name: row.holder.name })}</p>
                  ) : (
                    <CommandForm
                      intent="TAKE_DISPUTE"
                      orderId={row.orderId}
                      version={row.version}
                      idempotencyKey={randomUUID()}
                      label={render({ key: "engine.command.TAKE_DISPUTE" })}
                      fields={[{ kind: "hidden", name: "disputeId", value: row.disputeId }]}
                      tone="neutral"
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {page.later || first(params.after) ? (
        <nav aria-label={t("pages")} className="flex gap-4 text-sm">
          {first(params.after) ? (
            <Link href={query(filters)} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
              {t("mostUrgent")}
            </Link>
          ) : null}
          {page.later ? (
            <Link href={`${query(filters)}${query(filters).includes("?") ? "&" : "?"}after=${encodeURIComponent(page.later)}`} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
              {t("lessUrgent")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

function Filter({ label, name, value, options, all }: { label: string; name: string; value: string | null; options: { value: string; label: string }[]; all: string }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-stone-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="rounded border border-stone-300 bg-white px-2 py-1.5">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
