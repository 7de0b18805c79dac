"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { topUpAction, type WalletFormState } from "@/app/wallet/actions";

/** "Add money" to the wallet: one amount, added once however often the button is pressed. */
export function TopUpForm(props: { idempotencyKey: string; currency: string; hint: string }) {
  const t = useTranslations("client.wallet");
  const [state, action, pending] = useActionState<WalletFormState, FormData>(topUpAction, null);
  const input = useRef<HTMLInputElement>(null);
  const error = state?.fieldErrors?.amount?.[0];
  useEffect(() => {
    if (error) input.current?.focus();
  }, [state, error]);
  return (
    <form action={action} noValidate className="space-y-2">
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <label htmlFor="top-up-amount" className="block text-sm font-medium">
        {t("amount", { currency: props.currency })}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input
          ref={input}
          id="top-up-amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          key={state?.ok ? `done-${props.idempotencyKey}` : "editing"}
          defaultValue={state && !state.ok ? state.amount : ""}
          aria-invalid={error ? true : undefined}
          aria-describedby="top-up-hint top-up-error"
          className="min-h-11 w-36 rounded border border-stone-300 bg-white px-2 py-2 tabular-nums aria-invalid:border-rose-600"
        />
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("submit")}
        </button>
      </div>
      <p id="top-up-hint" className="text-sm text-stone-600">
        {props.hint}
      </p>
      <p id="top-up-error" aria-live="polite" className="min-h-5 text-sm text-rose-700">
        {error ?? ""}
      </p>
      <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok && !error ? "text-rose-700" : "text-emerald-800"}`}>
        {pending ? t("adding") : state && (state.ok || !error) ? state.message : ""}
      </p>
    </form>
  );
}
