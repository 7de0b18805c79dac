import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuickRepliesForm } from "@/components/quick-replies-form";
import { ShopSettingsForm } from "@/components/shop-settings-form";
import { minorToDecimal } from "@/lib/i18n/format";
import { getI18n } from "@/lib/i18n/server";
import { AUTO_APPROVE_WINDOWS, AUTO_APPROVE_WINDOW_LABELS, isAutoApproveWindow } from "@/lib/order";
import { requireUser } from "@/lib/server/auth/session";
import { getShopSettings } from "@/lib/server/seller/shop-settings";
import { QUICK_REPLY_LIMITS, listQuickReplies } from "@/lib/server/seller/quick-replies";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("seller.settings"))("title") };
}

const FIELDS = ["autoApproveWindow", "changeOfMindFeeMinor", "autoRefundUpToMinor"] as const;
const isField = (field: string): field is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(field);

/** The shop's settings (issue 16, point 4), what they change, and who changed them when. */
export default async function ShopSettingsPage() {
  const user = await requireUser("SELLER");
  const [settings, quickReplies] = await Promise.all([getShopSettings(user), listQuickReplies(user)]);
  if (!settings) notFound();
  const t = await getTranslations("seller.settings");
  const { f, render } = await getI18n();
  const shown = (field: string, value: string): string => {
    if (field === "autoApproveWindow") return isAutoApproveWindow(value) ? render(AUTO_APPROVE_WINDOW_LABELS[value]) : value;
    return f.money(Number(value), "USD");
  };
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("heading", { shop: settings.shopName })}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p className="text-sm">
          <Link href="/seller/developer" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("developerLink")}
          </Link>
        </p>
      </div>
      <section aria-labelledby="settings-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="settings-heading" className="sr-only">
          {t("settings")}
        </h2>
        <ShopSettingsForm
          windows={AUTO_APPROVE_WINDOWS.map((value) => ({ value, label: render(AUTO_APPROVE_WINDOW_LABELS[value]) }))}
          current={settings.autoApproveWindow}
          fee={minorToDecimal(settings.changeOfMindFeeMinor, "USD")}
          upTo={minorToDecimal(settings.autoRefundUpToMinor, "USD")}
          feeAllowed={settings.feeAllowed}
        />
      </section>
      <section aria-labelledby="quick-replies-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="quick-replies-heading" className="mb-2 font-semibold">
          {t("quickReplies")}
        </h2>
        <QuickRepliesForm replies={quickReplies} limits={QUICK_REPLY_LIMITS} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("changes")}
        </h2>
        {settings.changes.length === 0 ? (
          <p className="text-sm text-stone-600">{t("noChanges")}</p>
        ) : (
          <ul aria-label={t("changesLabel")} className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
            {settings.changes.map((change) => (
              <li key={change.id} className="px-4 py-2">
                <span className="font-medium">{isField(change.field) ? t(`field.${change.field}`) : change.field}</span>: {shown(change.field, change.fromValue)} → {shown(change.field, change.toValue)}
                <span className="block text-stone-600">{t("changedBy", { by: change.by, at: f.dateTime(change.at) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
