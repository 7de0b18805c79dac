"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { bulkAction, type BulkState } from "@/app/seller/actions";

/**
 * A list whose rows have checkboxes (`name="order"`), and one button that runs a command on every
 * ticked order; the answer lists each order's outcome (issue 16, point 2). With no rows left (the
 * last ones just done) the button goes and the outcomes stay (issue 26).
 */
export function BulkForm({ command, label, hasRows, children }: { command: string; label: string; hasRows: boolean; children: React.ReactNode }) {
  const [state, action, pending] = useActionState<BulkState, FormData>(bulkAction, null);
  const t = useTranslations("client.bulk");
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="command" value={command} />
      {children}
      {hasRows ? (
        <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("working") : label}
        </button>
      ) : null}
      <div role="status" aria-live="polite" className="space-y-1 text-sm">
        {state ? <p className={state.ok ? "text-emerald-800" : "text-rose-700"}>{state.message}</p> : null}
        {state && state.outcomes.length > 0 ? (
          <ul aria-label={t("outcomes")} className="list-disc space-y-0.5 pl-5">
            {state.outcomes.map((outcome) => (
              <li key={outcome.orderId} className={outcome.ok ? "" : "text-rose-700"}>
                {outcome.ok ? t("done", { code: outcome.code ?? outcome.orderId, message: outcome.message }) : t("refused", { code: outcome.code ?? outcome.orderId, message: outcome.message })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
