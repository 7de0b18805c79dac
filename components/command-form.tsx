"use client";

import { useActionState, useId } from "react";
import { orderCommandAction, type CommandFormState } from "@/app/orders/[id]/actions";

export interface CommandFormProps {
  intent: string;
  orderId: string;
  version: number;
  /** A fresh key per rendered form: a double submit is the same command, done once. */
  idempotencyKey: string;
  label: string;
  /** What happens if you press it (money, deadlines): shown before, not after. */
  explanation?: string;
  reasons?: { key: string; label: string }[];
  reasonLabel?: string;
  tone?: "danger" | "primary" | "neutral";
}

const TONES = {
  danger: "bg-rose-700 text-white hover:bg-rose-800",
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  neutral: "border border-stone-300 bg-white hover:bg-stone-100",
};

/** One command of the order page: optional reason, the button, and the answer next to it. */
export function CommandForm({ intent, orderId, version, idempotencyKey, label, explanation, reasons, reasonLabel, tone = "primary" }: CommandFormProps) {
  const [state, formAction, pending] = useActionState<CommandFormState, FormData>(orderCommandAction, null);
  const id = useId();
  const reasonError = state?.fieldErrors?.reasonKey?.[0];
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {explanation ? <p className="text-sm text-stone-700">{explanation}</p> : null}
      {reasons ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium">
            {reasonLabel ?? "Reason"}
          </label>
          <select
            id={`${id}-reason`}
            name="reasonKey"
            defaultValue=""
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`${id}-reason-error`}
            className="max-w-md rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600"
          >
            <option value="">Choose a reason</option>
            {reasons.map((reason) => (
              <option key={reason.key} value={reason.key}>
                {reason.label}
              </option>
            ))}
          </select>
          <p id={`${id}-reason-error`} aria-live="polite" className="min-h-5 text-sm text-rose-700">
            {reasonError ?? ""}
          </p>
        </div>
      ) : null}
      {state && !state.ok && !reasonError ? (
        <div role="alert" className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {state.message}{" "}
          {state.stale ? (
            <a href={`/orders/${orderId}`} className="font-medium underline">
              Reload
            </a>
          ) : null}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium disabled:cursor-wait disabled:opacity-60 ${TONES[tone]}`}>
        {pending ? "Working…" : label}
      </button>
    </form>
  );
}
