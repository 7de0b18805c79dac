import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getI18n } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { orderReplay } from "@/lib/server/orders/order-replay";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("replay"))("steps") };
}

/**
 * An order's history, step by step (issue 30): pick a step from the list (links, no JavaScript), see
 * what it did and the order after it — its states, money and open deadlines — and move to the
 * previous or next one. For explaining a dispute after the fact.
 */
export default async function ReplayPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { id } = await props.params;
  const replay = await orderReplay(user, id.slice(0, 200));
  if (!replay) notFound();
  const params = await props.searchParams;
  const total = replay.steps.length;
  const asked = Number.parseInt(typeof params.step === "string" ? params.step : "", 10);
  const index = Number.isSafeInteger(asked) && asked >= 1 && asked <= total ? asked - 1 : total - 1;
  const step = replay.steps[index]!;
  const t = await getTranslations("replay");
  const { render, f } = await getI18n();
  const href = (i: number) => `/orders/${replay.id}/replay?step=${i + 1}`;
  return (
    <div className="space-y-4">
      <p>
        <Link href={`/orders/${replay.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{t("title", { code: replay.code })}</h1>
        <p className="max-w-3xl text-sm text-stone-700">{t("intro")}</p>
        {replay.brokenAt !== null ? (
          <p role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {t("broken", { n: replay.brokenAt + 1 })}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_1fr]">
        <nav aria-label={t("steps")} className="order-last lg:order-none">
          <ol className="space-y-1 text-sm">
            {replay.steps.map((s, i) => (
              <li key={s.seq}>
                <Link
                  href={href(i)}
                  aria-current={i === index ? "step" : undefined}
                  className={`flex min-h-11 items-center rounded px-2 py-1 ${i === index ? "bg-brand-100 font-semibold text-brand-900" : "hover:bg-stone-100"}`}
                >
                  {t("stepLink", { n: i + 1, summary: render(s.summary) })}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="replay-step" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="replay-step" className="text-lg font-semibold">
            {t("step", { n: index + 1, total })}
          </h2>
          <p className="font-medium">{render(step.summary)}</p>
          <p className="text-sm text-stone-600">
            {t("by", { actor: render(step.actor), at: f.dateTime(step.at) })}
            {step.command ? ` · ${t("command", { command: render(step.command) })}` : ""}
          </p>
          <h3 className="font-semibold">{t("after")}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {step.facts.map((fact, i) => (
              <div key={i} className="contents">
                <dt className="text-stone-600">{render(fact.label)}</dt>
                <dd className="font-medium">{render(fact.value)}</dd>
              </div>
            ))}
          </dl>
          <h3 className="font-semibold">{t("money")}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm tabular-nums">
            <dt className="text-stone-600">{t("paid")}</dt>
            <dd>{f.money(step.paidMinor, step.currency)}</dd>
            <dt className="text-stone-600">{t("escrow")}</dt>
            <dd>{f.money(step.escrowMinor, step.currency)}</dd>
            <dt className="text-stone-600">{t("refunded")}</dt>
            <dd>{f.money(step.refundedMinor, step.currency)}</dd>
          </dl>
          <h3 className="font-semibold">{t("deadlines")}</h3>
          {step.deadlines.length === 0 ? (
            <p className="text-sm">{t("noDeadlines")}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {step.deadlines.map((deadline, i) => (
                <li key={i}>
                  {render(deadline.label)} {f.dateTime(deadline.dueAt)}
                </li>
              ))}
            </ul>
          )}
          <nav aria-label={t("stepNav")} className="flex flex-wrap gap-2 pt-2">
            {index > 0 ? (
              <Link href={href(index - 1)} className="inline-flex min-h-11 items-center rounded border border-stone-300 px-3 hover:bg-stone-100">
                ← {t("previous")}
              </Link>
            ) : null}
            {index < total - 1 ? (
              <Link href={href(index + 1)} className="inline-flex min-h-11 items-center rounded border border-stone-300 px-3 hover:bg-stone-100">
                {t("next")} →
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </div>
  );
}
