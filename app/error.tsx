"use client";

import { unstable_isUnrecognizedActionError } from "next/navigation";

/**
 * What a person sees when a page or a form fails unexpectedly. A form from a page opened before the
 * app was rebuilt names an action the server no longer has: that is an out-of-date page, said as
 * such, with a reload (nothing was changed).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const outOfDate = unstable_isUnrecognizedActionError(error);
  // A form sent from script past its address's limit: the server's 429 sentence (proxy.ts), shown as it is.
  const limited = !error.digest && /^Too many [a-z -]+ from your network/.test(error.message);
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">{outOfDate ? "This page is out of date" : limited ? "Slow down a little" : "Something went wrong"}</h1>
      <p>
        {limited
          ? `${error.message} Nothing was changed.`
          : outOfDate
          ? "The app was updated since you opened this page, so your form could not be sent. Nothing was changed. Reload the page and try again."
          : "We couldn't show this page. Nothing was changed. Try again, and if it keeps happening, reload the page."}
      </p>
      {outOfDate ? (
        <button type="button" onClick={() => window.location.reload()} className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">
          Reload the page
        </button>
      ) : (
        <button type="button" onClick={reset} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
          Try again
        </button>
      )}
    </div>
  );
}
