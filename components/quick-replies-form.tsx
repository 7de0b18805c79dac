"use client";

import { useActionState } from "react";
import { quickRepliesAction, type QuickRepliesState } from "@/app/seller/actions";

/** The shop's quick replies, one per line: answers its sellers send buyers often. */
export function QuickRepliesForm({ replies, limits }: { replies: string[]; limits: { count: number; length: number } }) {
  const [state, action, pending] = useActionState<QuickRepliesState, FormData>(quickRepliesAction, null);
  const error = state?.fieldErrors?.quickReplies?.[0];
  const value = state && !state.ok ? (state.value ?? "") : replies.join("\n");
  return (
    <form action={action} noValidate className="space-y-2">
      {replies.length > 0 ? (
        <div className="text-sm">
          <p className="text-stone-600">Offered now, in this order:</p>
          <ol aria-label="Quick replies offered now" className="mt-1 list-decimal space-y-1 pl-5">
            {replies.map((reply) => (
              <li key={reply}>{reply}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <label htmlFor="quick-replies" className="text-sm font-medium">
        Quick replies, one per line
      </label>
      <textarea
        id="quick-replies"
        name="quickReplies"
        rows={5}
        key={value}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby="quick-replies-hint quick-replies-error"
        className="w-full rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600"
      />
      <p id="quick-replies-hint" className="text-xs text-stone-500">
        One reply per line (a long one wraps on screen but stays one line): at most {limits.count}, each up to {limits.length} characters. The conversation on each order offers them.
      </p>
      <p id="quick-replies-error" aria-live="polite" className="text-sm text-rose-700">
        {error ?? ""}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Saving…" : "Save quick replies"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
        {state && !state.fieldErrors ? state.message : ""}
      </p>
    </form>
  );
}
