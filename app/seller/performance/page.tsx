import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrendFigure } from "@/components/trend-figure";
import { WindowTabs } from "@/components/window-tabs";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import { RATE_STATUS_LABELS, REQUEST_KIND_LABELS, formatRate, rateMetric, type PerformanceWindow, type RateStatus } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { sellerPerformance, type DailyPoint, type RateFigure } from "@/lib/server/seller/performance";
import { causeLabel } from "@/lib/server/seller/performance-facts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("seller.performance"))("title") };
}

const STATUS_STYLES: Record<RateStatus, string> = {
  MEETS: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  AT_RISK: "bg-amber-50 text-amber-900 ring-amber-300",
  VIOLATION: "bg-red-50 text-red-800 ring-red-200",
  NO_DATA: "bg-stone-100 text-stone-700 ring-stone-200",
};

async function StatusBadge({ status }: { status: RateStatus }) {
  const { render } = await getI18n();
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLES[status]}`}>{render(RATE_STATUS_LABELS[status])}</span>;
}

const percent = (rate: number) => formatRate(rate * 1000, 1000);

const ordersHref = (list: string, window: number, filter?: string) => `/seller/performance/orders?list=${list}&window=${window}${filter ? `&filter=${encodeURIComponent(filter)}` : ""}`;

async function RateCell({ figure, window }: { figure: RateFigure; window: number }) {
  const t = await getTranslations("seller.performance");
  const [top, bottom] = figure.metric.key === "sfcr" ? ["sfcr", "paid"] : ["ldr", "picked-up"];
  return (
    <div className="space-y-1">
      <p className="text-2xl font-semibold tabular-nums">{formatRate(figure.numerator, figure.denominator)}</p>
      <StatusBadge status={figure.status} />
      <p className="text-sm text-stone-700">
        {t.rich("ofOrders", {
          numerator: () => (
            <Link href={ordersHref(top, window)} className="text-brand-700 underline">
              {figure.numerator}
            </Link>
          ),
          denominator: () => (
            <Link href={ordersHref(bottom, window)} className="text-brand-700 underline">
              {figure.denominator}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}

/** A breakdown (by reason, by cause): each row leads to the orders it counts. */
function Breakdown({ rows, empty }: { rows: { key: string; label: string; href: string; figure: string }[]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-stone-600">{empty}</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
      {rows.map((row) => (
        <li key={row.key} className="flex justify-between gap-3 px-3 py-2">
          <Link href={row.href} className="text-brand-700 underline">
            {row.label}
          </Link>
          <span className="text-right tabular-nums">{row.figure}</span>
        </li>
      ))}
    </ul>
  );
}

/** The shop's performance (issue 16, point 3): the platform's two rates against their thresholds, answer times, returns, disputes and refunds. */
export default async function PerformancePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  const params = await props.searchParams;
  const chosen: PerformanceWindow = params.window === "30" ? 30 : 7;
  const now = await appNow();
  const performance = await sellerPerformance(user, now);
  if (!performance) notFound();
  const figures = performance.windows.find((w) => w.days === chosen)!;
  const t = await getTranslations("seller.performance");
  const { f, render } = await getI18n();
  const money = (minor: number) => f.money(minor, performance.currency);
  const trends = [
    { key: "sfcr", title: render(rateMetric("sfcr").label), unit: "%" as const, target: rateMetric("sfcr").target, value: (d: DailyPoint) => d.sfcr, cell: (d: DailyPoint) => formatRate(d.sellerFaultCancels, d.paid) },
    { key: "ldr", title: render(rateMetric("ldr").label), unit: "%" as const, target: rateMetric("ldr").target, value: (d: DailyPoint) => d.ldr, cell: (d: DailyPoint) => formatRate(d.late, d.pickedUp) },
    { key: "response", title: t("trend.response"), unit: "h" as const, value: (d: DailyPoint) => d.medianResponseHours, cell: (d: DailyPoint) => (d.medianResponseHours === null ? "—" : f.hours(d.medianResponseHours * 3_600_000)) },
    { key: "refunds", title: t("trend.refunds", { currency: performance.currency }), unit: "money" as const, value: (d: DailyPoint) => d.refundedMinor, cell: (d: DailyPoint) => money(d.refundedMinor) },
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-3xl text-stone-700">
            {t("intro", { sfcr: percent(rateMetric("sfcr").target), ldr: percent(rateMetric("ldr").target), enforcement: percent(rateMetric("ldr").enforcement) })}
          </p>
        </div>
        <a href={`/seller/performance.csv`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-50">
          {t("csv")}
        </a>
      </div>

      <section aria-labelledby="rates-heading" className="space-y-3">
        <h2 id="rates-heading" className="text-lg font-semibold">
          {t("rates")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {performance.windows[0]!.rates.map((first, i) => (
            <article key={first.metric.key} aria-labelledby={`rate-${first.metric.key}`} className="rounded-lg border border-stone-200 bg-white p-4">
              <h3 id={`rate-${first.metric.key}`} className="font-semibold">
                {render(first.metric.label)}
              </h3>
              <p className="text-sm text-stone-600">
                {t("definition", { definition: render(first.metric.definition), target: percent(first.metric.target) })}
              </p>
              <div className="mt-3 grid grid-cols-2 gap-4">
                {performance.windows.map((w) => (
                  <div key={w.days}>
                    <p className="text-xs font-medium uppercase tracking-wide text-stone-500">{t("lastDays", { days: w.days })}</p>
                    <RateCell figure={w.rates[i]!} window={w.days} />
                  </div>
                ))}
              </div>
            </article>
          ))}
        </div>
      </section>

      <WindowTabs path="/seller/performance" chosen={chosen} from={figures.from} to={figures.to} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="answers-heading" className="space-y-2">
          <h2 id="answers-heading" className="text-lg font-semibold">
            {t("answers.title")}
          </h2>
          <table className="w-full rounded-lg border border-stone-200 bg-white text-sm">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("answers.request")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("answers.answered")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("answers.median")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("answers.silence")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {figures.responses.map((r) => (
                <tr key={r.kind}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{render(REQUEST_KIND_LABELS[r.kind])}</th>
                  <td className="px-3 py-2 tabular-nums">
                    <Link href={ordersHref("answered", chosen, r.kind)} className="text-brand-700 underline">{r.answered}</Link>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{r.medianMs === null ? "—" : f.hours(r.medianMs)}</td>
                  <td className="px-3 py-2 tabular-nums">
                    <Link href={ordersHref("silence", chosen, r.kind)} className="text-brand-700 underline">{r.silence}</Link>
                    {r.byRule > 0 ? <span className="block text-xs text-stone-600">{t("answers.byRule", { n: r.byRule })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-xs text-stone-600">{t("answers.note")}</p>
        </section>

        <section aria-labelledby="returns-heading" className="space-y-2">
          <h2 id="returns-heading" className="text-lg font-semibold">
            {t("returns.title")}
          </h2>
          <p className="text-sm text-stone-700">{t("returns.of", { delivered: figures.delivered })}</p>
          <Breakdown
            empty={t("returns.empty")}
            rows={figures.returnsByReason.map((r) => ({
              key: r.reasonKey,
              label: render(r.label),
              href: ordersHref("returns", chosen, r.reasonKey),
              figure: figures.delivered > 0 ? t("returns.share", { count: r.count, rate: formatRate(r.count, figures.delivered) }) : String(r.count),
            }))}
          />
        </section>

        <section aria-labelledby="disputes-heading" className="space-y-2">
          <h2 id="disputes-heading" className="text-lg font-semibold">
            {t("disputes.title")}
          </h2>
          <p className="text-sm">
            <Link href={ordersHref("disputes-won", chosen)} className="text-brand-700 underline">{t("disputes.won", { n: figures.disputes.won })}</Link>
            {" · "}
            <Link href={ordersHref("disputes-lost", chosen)} className="text-brand-700 underline">{t("disputes.lost", { n: figures.disputes.lost })}</Link>
            {figures.disputes.overturned > 0 ? <span className="text-stone-600"> · {t("disputes.overturned", { n: figures.disputes.overturned })}</span> : null}
          </p>
        </section>

        <section aria-labelledby="refunds-heading" className="space-y-2">
          <h2 id="refunds-heading" className="text-lg font-semibold">
            {t("refunds.title")}
          </h2>
          <Breakdown
            empty={t("refunds.empty")}
            rows={figures.refundsByCause.map((r) => ({ key: r.cause, label: render(causeLabel(r.cause)), href: ordersHref("refunds", chosen, r.cause), figure: `${r.count} · ${money(r.amountMinor)}` }))}
          />
        </section>
      </div>

      <section aria-labelledby="trend-heading" className="space-y-3">
        <h2 id="trend-heading" className="text-lg font-semibold">
          {t("trend.title")}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {trends.map((trend) => (
            <TrendFigure
              key={trend.key}
              title={trend.title}
              label={trend.key}
              unit={trend.unit}
              target={trend.target}
              days={performance.daily.map((d) => ({ day: d.day, value: trend.value(d), cell: trend.cell(d) }))}
            />
          ))}
        </div>
      </section>
    </div>
  );
}
