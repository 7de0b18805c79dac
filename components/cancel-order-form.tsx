"use client";

import { useActionState } from "react";
import { cancelOrderAction, type CancelFormState } from "@/app/orders/[id]/actions";

export function CancelOrderForm({
  orderId,
  version,
  reasons,
  refundText,
}: {
  orderId: string;
  version: number;
  reasons: { key: string; label: string }[];
  refundText: string;
}) {
  const [state, formAction, pending] = useActionState<CancelFormState, FormData>(cancelOrderAction, null);
  const reasonError = state?.fieldErrors?.reasonKey?.[0];
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-stone-700">{refundText}</p>
      <div className="flex flex-col gap-1">
        <label htmlFor="cancel-reason" className="text-sm font-medium">
          Reason for cancelling
        </label>
        <select
          id="cancel-reason"
          name="reasonKey"
          defaultValue=""
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "cancel-reason-error" : undefined}
          className="max-w-md rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600"
        >
          <option value="">Choose a reason</option>
          {reasons.map((reason) => (
            <option key={reason.key} value={reason.key}>
              {reason.label}
            </option>
          ))}
        </select>
        <p id="cancel-reason-error" aria-live="polite" className="min-h-5 text-sm text-rose-700">
          {reasonError ?? ""}
        </p>
      </div>
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
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? "Cancelling…" : "Cancel order"}
      </button>
    </form>
  );
}
