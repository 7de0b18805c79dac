"use client";

import { useActionState, useId } from "react";
import { createAppAction, newCodeAction, sendAgainAction, type DeveloperState, type SendAgainState } from "@/app/seller/developer/actions";
import { CopyButton } from "./copy-button";

export interface DeveloperLabels {
  name: string;
  create: string;
  creating: string;
  newCode: string;
  appKey: string;
  appSecret: string;
  authCode: string;
  shownOnce: string;
  copy: string;
}

/** The values an app's integration needs, shown once: read-only fields a keyboard can select, each with its copy button. */
function Shown({ state, labels }: { state: Extract<DeveloperState, { ok: true }>; labels: DeveloperLabels }) {
  const id = useId();
  const rows: [string, string][] = [
    [labels.appKey, state.appKey],
    ...(state.appSecret ? ([[labels.appSecret, state.appSecret]] as [string, string][]) : []),
    [labels.authCode, state.authCode],
  ];
  return (
    <div className="space-y-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
      <p className="font-medium text-emerald-900">{state.message}</p>
      <p className="text-emerald-900">{labels.shownOnce}</p>
      {rows.map(([label, value], i) => (
        <div key={label} className="flex flex-col gap-1">
          <label htmlFor={`${id}-${i}`} className="font-medium">
            {label}
          </label>
          <div className="flex flex-wrap items-start gap-2">
            <input id={`${id}-${i}`} readOnly value={value} className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1.5 font-mono text-xs" />
            <CopyButton text={value} label={labels.copy} />
          </div>
        </div>
      ))}
      <p className="text-xs text-stone-700">{state.codeExpiresText}</p>
    </div>
  );
}

export function CreateAppForm({ labels }: { labels: DeveloperLabels }) {
  const [state, action, pending] = useActionState<DeveloperState, FormData>(createAppAction, null);
  const id = useId();
  const error = state && !state.ok ? state.fieldErrors?.name : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">
            {labels.name}
          </label>
          <input id={id} name="name" type="text" autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={`${id}-error`} className="min-h-11 w-64 max-w-full rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600" />
        </div>
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? labels.creating : labels.create}
        </button>
        <p id={`${id}-error`} aria-live="polite" className="w-full text-sm text-rose-700">
          {error ?? (state && !state.ok ? state.message : "")}
        </p>
      </form>
      {state?.ok ? <Shown state={state} labels={labels} /> : null}
    </div>
  );
}

export function NewCodeForm({ appId, appName, labels }: { appId: string; appName: string; labels: DeveloperLabels }) {
  const [state, action, pending] = useActionState<DeveloperState, FormData>(newCodeAction, null);
  return (
    <div className="space-y-2">
      <form action={action}>
        <input type="hidden" name="appId" value={appId} />
        <button type="submit" disabled={pending} className="min-h-11 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60">
          {labels.newCode}
          <span className="sr-only"> — {appName}</span>
        </button>
      </form>
      <p role="status" aria-live="polite" className="text-sm text-rose-700">
        {state && !state.ok ? state.message : ""}
      </p>
      {state?.ok ? <Shown state={state} labels={labels} /> : null}
    </div>
  );
}

/** "Send again" on one delivery of the log, its answer read out where the button is. */
export function SendAgainForm({ deliveryId, canSend, label, detail }: { deliveryId: string; canSend: boolean; label: string; detail: string }) {
  const [state, action, pending] = useActionState<SendAgainState, FormData>(sendAgainAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      {canSend ? (
        <button type="submit" disabled={pending} className="min-h-11 rounded border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100 disabled:opacity-60">
          {label}
          <span className="sr-only"> — {detail}</span>
        </button>
      ) : null}
      <p role="status" aria-live="polite" className={`text-sm ${state?.ok ? "text-emerald-800" : "text-rose-700"}`}>
        {state?.message ?? ""}
      </p>
    </form>
  );
}
