"use client";

import { useActionState, useEffect, useRef } from "react";
import { shopSettingsAction, type SettingsState } from "@/app/seller/actions";

const INPUT = "w-full max-w-md rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600";

/** The shop's settings form: the auto-approve window and (US) the change-of-mind return fee and the refund rule. */
export function ShopSettingsForm({ windows, current, fee, upTo, feeAllowed }: { windows: { value: string; label: string }[]; current: string; fee: string; upTo: string; feeAllowed: boolean }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(shopSettingsAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const error = (name: string) => state?.fieldErrors?.[name]?.[0];
  return (
    <form ref={form} action={action} noValidate className="space-y-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="auto-approve" className="text-sm font-medium">
          Instant cancellation after the order is ready to ship (auto-approve window)
        </label>
        <select key={state?.values?.autoApproveWindow ?? current} id="auto-approve" name="autoApproveWindow" defaultValue={state?.values?.autoApproveWindow ?? current} aria-invalid={error("autoApproveWindow") ? true : undefined} aria-describedby="auto-approve-hint auto-approve-error" className={INPUT}>
          {windows.map((window) => (
            <option key={window.value} value={window.value}>
              {window.label}
            </option>
          ))}
        </select>
        <p id="auto-approve-hint" className="text-xs text-stone-500">
          Inside the window a buyer&apos;s cancel is instant and refunded; after it, a cancel is a request you answer.
        </p>
        <p id="auto-approve-error" aria-live="polite" className="text-sm text-rose-700">
          {error("autoApproveWindow") ?? ""}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="return-fee" className="text-sm font-medium">
          Change-of-mind return fee, in USD (shown to buyers before they ask; kept from their refund)
        </label>
        <input
          id="return-fee"
          name="changeOfMindFee"
          type="text"
          inputMode="decimal"
          key={state?.values?.changeOfMindFee ?? fee}
          defaultValue={state?.values?.changeOfMindFee ?? fee}
          disabled={!feeAllowed}
          aria-invalid={error("changeOfMindFeeMinor") ? true : undefined}
          aria-describedby="return-fee-hint return-fee-error"
          className={INPUT}
        />
        <p id="return-fee-hint" className="text-xs text-stone-500">
          {feeAllowed ? "0 for no fee; at most 25.00. Only for returns the buyer asks for because they changed their mind." : "Not available under the global rules: the platform pays change-of-mind return postage."}
        </p>
        <p id="return-fee-error" aria-live="polite" className="text-sm text-rose-700">
          {error("changeOfMindFeeMinor") ?? ""}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="auto-refund" className="text-sm font-medium">
          Approve refund-only requests automatically up to this amount, in USD
        </label>
        <input
          id="auto-refund"
          name="autoRefundUpTo"
          type="text"
          inputMode="decimal"
          key={state?.values?.autoRefundUpTo ?? upTo}
          defaultValue={state?.values?.autoRefundUpTo ?? upTo}
          disabled={!feeAllowed}
          aria-invalid={error("autoRefundUpToMinor") ? true : undefined}
          aria-describedby="auto-refund-hint auto-refund-error"
          className={INPUT}
        />
        <p id="auto-refund-hint" className="text-xs text-stone-500">
          {feeAllowed
            ? "0 to review every request yourself; at most 100.00. A buyer who asks for a refund without a return, for no more than this, is refunded at once."
            : "Not available under the global rules: only US sellers can approve refunds by rule."}
        </p>
        <p id="auto-refund-error" aria-live="polite" className="text-sm text-rose-700">
          {error("autoRefundUpToMinor") ?? ""}
        </p>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Saving…" : "Save settings"}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
        {state && !state.fieldErrors ? state.message : ""}
      </p>
    </form>
  );
}
