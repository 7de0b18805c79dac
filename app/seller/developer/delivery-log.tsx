import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SendAgainForm } from "@/components/developer-forms";
import { getI18n } from "@/lib/i18n/server";
import type { DeliveryPage } from "@/lib/server/api/delivery-log";

const STATUS_STYLE = { PENDING: "bg-amber-100 text-amber-900", DELIVERED: "bg-emerald-100 text-emerald-900", FAILED: "bg-rose-100 text-rose-900" } as const;

/** One app's webhook delivery log (issue 31): newest first, ten at a time, each with "Send again" once it is delivered or given up. */
export async function DeliveryLog({ appId, appName, log, paged, realNow }: { appId: string; appName: string; log: DeliveryPage; paged: boolean; realNow: Date }) {
  const t = await getTranslations("developer.log");
  const { f } = await getI18n();
  const headingId = `log-${appId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 pt-2">
      <h3 id={headingId} className="font-semibold">
        {t("heading")}
        <span className="sr-only"> — {appName}</span>
      </h3>
      {log.rows.length === 0 ? (
        <p className="text-stone-600">{t("none", { path: "PUT /event/202309/webhooks" })}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded border border-stone-200">
          {log.rows.map((row) => {
            const what = { event: row.eventType, code: row.orderCode ?? row.orderId, at: f.dateTime(row.createdAt) };
            const facts = [
              t("attempts", { attempts: row.attempts }),
              row.lastStatusCode !== null ? t("answered", { code: row.lastStatusCode }) : null,
              row.status !== "DELIVERED" && row.lastError && row.lastStatusCode === null ? t("failedWith", { error: row.lastError }) : null,
              // Attempts run on real time, not the world's: the next one in seconds from now.
              row.status === "PENDING" && row.attempts > 0 ? t("nextIn", { seconds: Math.max(0, Math.ceil((row.nextAttemptAt.getTime() - realNow.getTime()) / 1000)) }) : null,
              row.resends > 0 ? t("resends", { count: row.resends }) : null,
            ].filter(Boolean);
            return (
              <li key={row.id} className="space-y-1 px-3 py-2">
                <p className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[row.status]}`}>{t(`status.${row.status}`)}</span>
                  <span>
                    {t.rich("what", { ...what, order: (chunks) => (row.orderCode ? <Link href={`/orders/${row.orderId}`} className="text-brand-700 underline">{chunks}</Link> : chunks) })}
                  </span>
                </p>
                <p className="font-mono text-xs break-all text-stone-600">{row.address}</p>
                <p className="text-stone-700">{facts.join(" · ")}</p>
                {/* Kept mounted while the row waits, so its answer stays where the button was. */}
                <SendAgainForm deliveryId={row.id} canSend={row.status !== "PENDING"} label={t("sendAgain")} detail={t("sendAgainDetail", what)} />
              </li>
            );
          })}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? (
          <Link href={`/seller/developer#${headingId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {log.older ? (
          <Link href={`/seller/developer?app=${encodeURIComponent(appId)}&before=${encodeURIComponent(log.older)}#${headingId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("older")}
          </Link>
        ) : null}
      </p>
    </section>
  );
}
