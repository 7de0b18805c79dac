"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>We couldn&apos;t show this page. Nothing was changed. Try again, and if it keeps happening, reload the page.</p>
      <button type="button" onClick={reset} className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
        Try again
      </button>
    </div>
  );
}
