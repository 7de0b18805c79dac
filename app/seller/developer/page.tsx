import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateAppForm, NewCodeForm, type DeveloperLabels } from "@/components/developer-forms";
import { systemClock } from "@/lib/clock";
import { getI18n } from "@/lib/i18n/server";
import { appOrigin } from "@/lib/server/app-origin";
import { requireUser } from "@/lib/server/auth/session";
import { APPS_PER_SHOP, listApps } from "@/lib/server/api/manage-apps";
import { deliveryLogs } from "@/lib/server/api/delivery-log";
import { DeliveryLog } from "./delivery-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("developer"))("title") };
}
export const dynamic = "force-dynamic";

/**
 * Developer apps (issue 31): the shop's apps for the platform's API sandbox, a new app's key, secret
 * and authorization code shown once, a new code for an existing app, and where to point a client.
 */
export default async function DeveloperPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  const t = await getTranslations("developer");
  const { f } = await getI18n();
  const query = await searchParams;
  const pageApp = typeof query.app === "string" ? query.app : null;
  const before = typeof query.before === "string" ? query.before : null;
  const apps = await listApps(user, systemClock.now());
  const logs = await deliveryLogs(user, apps.map((app) => app.id), pageApp ? { appId: pageApp, before } : undefined);
  const origin = appOrigin().origin;
  const labels: DeveloperLabels = {
    name: t("form.name"),
    create: t("form.create"),
    creating: t("form.creating"),
    newCode: t("form.newCodeButton"),
    appKey: t("form.appKey"),
    appSecret: t("form.appSecret"),
    authCode: t("form.authCode"),
    shownOnce: t("form.shownOnce"),
    copy: t("form.copy"),
  };
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p className="rounded border border-stone-200 bg-white px-3 py-2 text-sm text-stone-700">
          {t.rich("pointAt", { origin, api: "https://open-api.tiktokglobalshop.com", auth: "https://auth.tiktok-shops.com", code: (chunks) => <code className="font-mono break-all">{chunks}</code> })}
        </p>
        <p className="text-sm">
          <Link href="/api-reference" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("reference")}
          </Link>
        </p>
      </div>
      <section aria-labelledby="new-app-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-app-heading" className="text-lg font-semibold">
          {t("newHeading")}
        </h2>
        <p className="text-sm text-stone-700">{t("newIntro", { max: APPS_PER_SHOP })}</p>
        <CreateAppForm labels={labels} />
      </section>
      <section aria-labelledby="apps-heading" className="space-y-3">
        <h2 id="apps-heading" className="text-lg font-semibold">
          {t("appsHeading")}
        </h2>
        {apps.length === 0 ? (
          <p className="text-sm text-stone-600">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {apps.map((app) => (
              <li key={app.id} className="space-y-2 px-4 py-3 text-sm">
                <p className="font-medium">{app.name}</p>
                <p className="text-stone-600">{t("appLine", { key: app.appKey, at: f.dateTime(app.createdAt), tokens: app.tokens })}</p>
                <NewCodeForm appId={app.id} appName={app.name} labels={labels} />
                <DeliveryLog appId={app.id} appName={app.name} log={logs.get(app.id) ?? { rows: [], older: null }} paged={pageApp === app.id && !!before} realNow={systemClock.now()} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
