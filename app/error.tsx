"use client";

import { useTranslations } from "next-intl";
import { unstable_isUnrecognizedActionError } from "next/navigation";

/**
 * What a person sees when a page or a form fails unexpectedly. A form from a page opened before the
 * app was rebuilt names an action the server no longer has: that is an out-of-date page, said as
 * such, with a reload (nothing was changed).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("client.error");
  const outOfDate = unstable_isUnrecognizedActionError(error);
  // A form sent from script past its address's limit: the proxy's 429 sentence in the viewer's language (proxy.ts), shown as it is.
  const limited = !error.digest && error.message.startsWith(t("limitedStart"));
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">{outOfDate ? t("outOfDateTitle") : limited ? t("limitedTitle") : t("title")}</h1>
      <p>{limited ? t("limited", { sentence: error.message }) : outOfDate ? t("outOfDate") : t("failed")}</p>
      {outOfDate ? (
        <button type="button" onClick={() => window.location.reload()} className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
          {t("reload")}
        </button>
      ) : (
        <button type="button" onClick={reset} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          {t("retry")}
        </button>
      )}
    </div>
  );
}
