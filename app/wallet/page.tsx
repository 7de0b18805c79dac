import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { TopUpForm } from "@/components/wallet-forms";
import { getI18n } from "@/lib/i18n/server";
import { TOP_UP_MAX_MINOR, TOP_UP_MIN_MINOR } from "@/lib/order";
import { requireUser } from "@/lib/server/auth/session";
import { walletView } from "@/lib/server/shop/wallet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wallet"))("title") };
}

const KINDS = ["TOP_UP", "PAYMENT", "REFUND", "REMEDY", "PROTECTION_REFUND"] as const;
const kindKey = (kind: string) => ((KINDS as readonly string[]).includes(kind) ? (kind as (typeof KINDS)[number]) : "other");

/** The buyer's platform wallet: the balance, "Add money", and every movement in and out, each with its order. */
export default async function WalletPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("BUYER");
  const params = await props.searchParams;
  const view = (await walletView(user, typeof params.after === "string" ? params.after : undefined))!;
  const t = await getTranslations("wallet");
  const { f } = await getI18n();
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-stone-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="wallet-balance" className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <h2 id="wallet-balance" className="text-sm font-medium text-stone-600">
            {t("balance")}
          </h2>
          <p className="text-3xl font-semibold tabular-nums">{f.money(view.balanceMinor, view.currency)}</p>
        </div>
        <div>
          <h2 className="mb-1 font-semibold">{t("topUp.title")}</h2>
          <TopUpForm idempotencyKey={randomUUID()} currency={view.currency} hint={t("topUp.hint", { min: f.money(TOP_UP_MIN_MINOR, view.currency), max: f.money(TOP_UP_MAX_MINOR, view.currency) })} />
        </div>
      </section>
      <section aria-labelledby="wallet-history">
        <h2 id="wallet-history" className="mb-2 text-lg font-semibold">
          {t("history")}
        </h2>
        {view.lines.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {view.lines.map((line) => (
              <li key={line.id} className="flex items-start justify-between gap-3 p-3">
                <div className="min-w-0">
                  <p className="font-medium">{t(`kind.${kindKey(line.kind)}`)}</p>
                  {line.order ? (
                    <Link href={`/orders/${line.order.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
                      {t("orderFrom", { code: line.order.code, shop: line.order.shopName })}
                    </Link>
                  ) : (
                    <p className="text-sm text-stone-700">{t("fromOwnMoney")}</p>
                  )}
                  <p className="text-sm text-stone-600">{f.dateTime(line.at)}</p>
                </div>
                <p className={`whitespace-nowrap font-medium tabular-nums ${line.amountMinor > 0 ? "text-emerald-800" : "text-stone-900"}`}>
                  {line.amountMinor > 0 ? "+" : ""}
                  {f.money(line.amountMinor, line.currency)}
                </p>
              </li>
            ))}
          </ul>
        )}
        {view.next || view.paged ? (
          <nav aria-label={t("history")} className="mt-3 flex gap-3 text-sm">
            {view.paged ? (
              <Link href="/wallet" className="flex min-h-11 items-center rounded border border-stone-300 px-3 hover:bg-stone-100">
                {t("newest")}
              </Link>
            ) : null}
            {view.next ? (
              <Link href={`/wallet?after=${encodeURIComponent(view.next)}`} className="flex min-h-11 items-center rounded border border-stone-300 px-3 hover:bg-stone-100">
                {t("older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
