import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuickRepliesForm } from "@/components/quick-replies-form";
import { ShopSettingsForm } from "@/components/shop-settings-form";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { AUTO_APPROVE_WINDOWS, AUTO_APPROVE_WINDOW_LABELS, isAutoApproveWindow } from "@/lib/order";
import { requireUser } from "@/lib/server/auth/session";
import { getShopSettings } from "@/lib/server/seller/shop-settings";
import { QUICK_REPLY_LIMITS, listQuickReplies } from "@/lib/server/seller/quick-replies";

export const metadata: Metadata = { title: "Shop settings" };

const FIELD_LABELS: Record<string, string> = {
  autoApproveWindow: "Auto-approve window",
  changeOfMindFeeMinor: "Change-of-mind return fee",
  autoRefundUpToMinor: "Refund-only requests approved at once up to",
};

function shown(field: string, value: string): string {
  if (field === "autoApproveWindow") return isAutoApproveWindow(value) ? AUTO_APPROVE_WINDOW_LABELS[value] : value;
  return formatMoney(Number(value), "USD");
}

/** The shop's settings (issue 16, point 4), what they change, and who changed them when. */
export default async function ShopSettingsPage() {
  const user = await requireUser("SELLER");
  const [settings, quickReplies] = await Promise.all([getShopSettings(user), listQuickReplies(user)]);
  if (!settings) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Settings of {settings.shopName}</h1>
        <p className="text-stone-700">
          Changes apply to orders placed from now on. Every order keeps the settings it was placed under, so an order already placed is not
          affected.
        </p>
      </div>
      <section aria-labelledby="settings-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="settings-heading" className="sr-only">
          Settings
        </h2>
        <ShopSettingsForm
          windows={AUTO_APPROVE_WINDOWS.map((value) => ({ value, label: AUTO_APPROVE_WINDOW_LABELS[value] }))}
          current={settings.autoApproveWindow}
          fee={(settings.changeOfMindFeeMinor / 100).toFixed(2)}
          upTo={(settings.autoRefundUpToMinor / 100).toFixed(2)}
          feeAllowed={settings.feeAllowed}
        />
      </section>
      <section aria-labelledby="quick-replies-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="quick-replies-heading" className="mb-2 font-semibold">
          Quick replies
        </h2>
        <QuickRepliesForm replies={quickReplies} limits={QUICK_REPLY_LIMITS} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          Changes
        </h2>
        {settings.changes.length === 0 ? (
          <p className="text-sm text-stone-600">No changes yet.</p>
        ) : (
          <ul aria-label="Changes to the settings" className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
            {settings.changes.map((change) => (
              <li key={change.id} className="px-4 py-2">
                <span className="font-medium">{FIELD_LABELS[change.field] ?? change.field}</span>: {shown(change.field, change.fromValue)} → {shown(change.field, change.toValue)}
                <span className="block text-stone-600">
                  by {change.by}, {formatDateTime(change.at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
