"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { shopSettingsAction, type SettingsState } from "@/app/seller/actions";

const INPUT = "w-full max-w-md rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600";

/** The shop's settings form: the auto-approve window and (US) the change-of-mind return fee and the refund rule. */
export function ShopSettingsForm({ windows, current, fee, upTo, feeAllowed }: { windows: { value: string; label: string }[]; current: string; fee: string; upTo: string; feeAllowed: boolean }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(shopSettingsAction, null);
  const t = useTranslations("client.shopSettings");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const error = (name: string) => state?.fieldErrors?.[name]?.[0];
  return (
    <form ref={form} action={action} noValidate className="space-y-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="auto-approve" className="text-sm font-medium">
          {t("window")}
        </label>
        <select key={state?.values?.autoApproveWindow ?? current} id="auto-approve" name="autoApproveWindow" defaultValue={state?.values?.autoApproveWindow ?? current} aria-invalid={error("autoApproveWindow") ? true : undefined} aria-describedby="auto-approve-hint auto-approve-error" className={INPUT}>
          {windows.map((window) => (
            <option key={window.value} value={window.value}>
              {window.label}
            </option>
          ))}
        </select>
        <p id="auto-approve-hint" className="text-xs text-stone-500">
          {t("windowHint")}
        </p>
        <p id="auto-approve-error" aria-live="polite" className="text-sm text-rose-700">
          {error("autoApproveWindow") ?? ""}
        </p>
      </div>
      <MoneyField
        id="return-fee"
        name="changeOfMindFee"
        label={t("fee")}
        value={state?.values?.changeOfMindFee ?? fee}
        disabled={!feeAllowed}
        error={error("changeOfMindFeeMinor")}
        hint={feeAllowed ? t("feeHint") : t("feeGlobal")}
      />
      <MoneyField
        id="auto-refund"
        name="autoRefundUpTo"
        label={t("autoRefund")}
        value={state?.values?.autoRefundUpTo ?? upTo}
        disabled={!feeAllowed}
        error={error("autoRefundUpToMinor")}
        hint={
          feeAllowed ? t("autoRefundHint") : t("autoRefundGlobal")
        }
      />
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
      <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
        {state && !state.fieldErrors ? state.message : ""}
      </p>
    </form>
  );
}

/** An amount in dollars, with its hint and its error (read out as it appears). The value is kept after a refusal. */
function MoneyField(props: { id: string; name: string; label: string; value: string; disabled: boolean; error: string | undefined; hint: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.name}
        type="text"
        inputMode="decimal"
        key={props.value}
        defaultValue={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${props.id}-hint ${props.id}-error`}
        className={INPUT}
      />
      <p id={`${props.id}-hint`} className="text-xs text-stone-500">
        {props.hint}
      </p>
      <p id={`${props.id}-error`} aria-live="polite" className="text-sm text-rose-700">
        {props.error ?? ""}
      </p>
    </div>
  );
}
