"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { templateAction, type TemplateState } from "@/app/support/actions";

const INPUT = "w-full rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600";

/** One rationale template: edit its title and text, or delete it; without `id`, a new one. */
export function TemplateForm({ id, title = "", body = "" }: { id?: string; title?: string; body?: string }) {
  const [state, action, pending] = useActionState<TemplateState, FormData>(templateAction, null);
  const form = useRef<HTMLFormElement>(null);
  const uid = useId();
  const t = useTranslations("client.template");
  useEffect(() => {
    if (state?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (state?.ok && !id) form.current?.reset();
  }, [state, id]);
  const error = (name: string) => state?.fieldErrors?.[name]?.[0];
  const value = (name: "title" | "body", fallback: string) => (state && !state.ok ? (state.values?.[name] ?? fallback) : fallback);
  return (
    <form ref={form} action={action} noValidate className="space-y-2">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${uid}-title`} className="text-sm font-medium">
          {t("title")}
        </label>
        <input id={`${uid}-title`} name="title" defaultValue={value("title", title)} aria-invalid={error("title") ? true : undefined} aria-describedby={`${uid}-title-error`} className={INPUT} />
        <p id={`${uid}-title-error`} aria-live="polite" className="text-sm text-rose-700">
          {error("title") ?? ""}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${uid}-body`} className="text-sm font-medium">
          {t("body")}
        </label>
        <textarea id={`${uid}-body`} name="body" rows={3} defaultValue={value("body", body)} aria-invalid={error("body") ? true : undefined} aria-describedby={`${uid}-body-error`} className={INPUT} />
        <p id={`${uid}-body-error`} aria-live="polite" className="text-sm text-rose-700">
          {error("body") ?? ""}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {id ? t("save") : t("add")}
        </button>
        {id ? (
          <button type="submit" name="intent" value="delete" disabled={pending} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60">
            {t("delete")}
          </button>
        ) : null}
        <p role={state && !state.ok ? "alert" : "status"} className={`text-sm ${state?.ok ? "text-emerald-800" : "text-rose-700"}`}>
          {state?.message ?? ""}
        </p>
      </div>
    </form>
  );
}
