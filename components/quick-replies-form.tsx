"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { quickRepliesAction, type QuickRepliesState } from "@/app/seller/actions";

/** The shop's quick replies, one per line: answers its sellers send buyers often. */
export function QuickRepliesForm({ replies, limits }: { replies: string[]; limits: { count: number; length: number } }) {
  const [state, action, pending] = useActionState<QuickRepliesState, FormData>(quickRepliesAction, null);
  const t = useTranslations("client.quickReplies");
  const error = state?.fieldErrors?.quickReplies?.[0];
  const value = state && !state.ok ? (state.value ?? "") : replies.join("\n");
  return (
    <form action={action} noValidate className="space-y-2">
      {replies.length > 0 ? (
        <div className="text-sm">
          <p className="text-stone-600">{t("offered")}</p>
          <ol aria-label={t("offeredLabel")} className="mt-1 list-decimal space-y-1 pl-5">
            {replies.map((reply) => (
              <li key={reply}>{reply}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <label htmlFor="quick-replies" className="text-sm font-medium">
        {t("label")}
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
        {t("hint", { count: limits.count, length: limits.length })}
      </p>
      <p id="quick-replies-error" aria-live="polite" className="text-sm text-rose-700">
        {error ?? ""}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
        {state && !state.fieldErrors ? state.message : ""}
      </p>
    </form>
  );
}
