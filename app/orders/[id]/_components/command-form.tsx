"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { PHOTO_TYPES, photoLimitProblem } from "@/lib/order/limits";
import { useClientMessage } from "@/components/use-format";
import { useRefreshAfter } from "@/components/use-refresh-after";
import { orderCommandAction, type CommandFormState } from "../actions";

export type FieldSpec =
  | { kind: "select"; name: string; label: string; options: { value: string; label: string }[]; placeholder?: string }
  | { kind: "radio"; name: string; label: string; options: { value: string; label: string }[] }
  | { kind: "textarea"; name: string; label: string; hint?: string; maxLength?: number; /** Texts to start from (support's rationale templates). */ templates?: { title: string; body: string }[] }
  | { kind: "text"; name: string; label: string; hint?: string; autoComplete?: string }
  | { kind: "money"; name: string; label: string; hint?: string }
  | { kind: "photos"; name: "photos"; label: string; hint?: string }
  | { kind: "checkbox"; name: string; label: string }
  | { kind: "hidden"; name: string; value: string };

export interface CommandFormProps {
  intent: string;
  orderId: string;
  version: number;
  /** A fresh key per rendered form: a double submit is the same command, done once. */
  idempotencyKey: string;
  label: string;
  /** What happens if you press it (money, deadlines): shown before, not after. A list: a lead sentence, then the options. */
  explanation?: string | string[];
  fields?: FieldSpec[];
  tone?: "danger" | "primary" | "neutral";
}

const TONES = {
  danger: "bg-rose-700 text-white hover:bg-rose-800",
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  neutral: "border border-stone-300 bg-white hover:bg-stone-100",
};

const INPUT = "min-h-11 w-full max-w-md rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600";
/** A file picker a thumb can hit: its button is as tall as the other controls. */
export const FILE_INPUT = "w-full max-w-md text-sm file:mr-3 file:min-h-11 file:rounded file:border file:border-stone-300 file:bg-white file:px-3 file:hover:bg-stone-100";

/** One command of the order page: its fields, the button, and the answer next to each field. */
export function CommandForm({ intent, orderId, version, idempotencyKey, label, explanation, fields = [], tone = "primary" }: CommandFormProps) {
  const [state, formAction, sending] = useActionState<CommandFormState, FormData>(orderCommandAction, null);
  // The action answers with the result; the page then refreshes, and the form stays busy until it has.
  const pending = useRefreshAfter(state) || sending;
  const id = useId();
  const t = useTranslations("client");
  const say = useClientMessage();
  const form = useRef<HTMLFormElement>(null);
  // After a refusal, keyboard and screen-reader users land on the first field to fix.
  useEffect(() => {
    if (state?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  // A form someone has started filling keeps the version it was opened on: a live refresh may bring a
  // newer one, and a submit after the order changed must still get the stale-order message.
  // A success since then lets the form follow the page again.
  const [opened, setOpened] = useState<{ version: number; during: CommandFormState } | null>(null);
  const openedOn = opened && !(state?.ok && state !== opened.during) ? opened.version : null;
  // Photos over the limits are refused here, before a body the server would refuse is sent.
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const checkPhotos = (event: React.FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.querySelector<HTMLInputElement>('input[type="file"]');
    const limit = input?.files ? photoLimitProblem([...input.files]) : null;
    const problem = limit ? say(limit) : null;
    setPhotoProblem(problem);
    if (problem) {
      event.preventDefault();
      input?.focus();
    }
  };
  const errorOf = (name: string) => (name === "photos" && photoProblem ? photoProblem : state?.fieldErrors?.[name]?.[0]);
  // React resets a form after its action; what was typed comes back as the fields' defaults.
  const valueOf = (name: string) => state?.values?.[name] ?? "";
  const visible = fields.filter((field) => field.kind !== "hidden").map((field) => field.name);
  const unplaced = state?.fieldErrors ? Object.entries(state.fieldErrors).find(([name]) => !visible.includes(name))?.[1]?.[0] : undefined;
  const showAlert = state && !state.ok && (!state.fieldErrors || unplaced);

  return (
    <form ref={form} action={formAction} onSubmit={checkPhotos} onChange={() => {
        if (openedOn === null) setOpened({ version, during: state });
      }} className="space-y-3" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="version" value={openedOn ?? version} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {typeof explanation === "string" ? <p className="text-sm text-stone-700">{explanation}</p> : null}
      {Array.isArray(explanation) ? (
        <div className="text-sm text-stone-700">
          <p>{explanation[0]}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {explanation.slice(1).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {fields.map((field) => {
        if (field.kind === "hidden") return <input key={field.name} type="hidden" name={field.name} value={field.value} />;
        const fieldId = `${id}-${field.name}`;
        const error = errorOf(field.name);
        const described = [field.kind !== "checkbox" && "hint" in field && field.hint ? `${fieldId}-hint` : null, `${fieldId}-error`].filter(Boolean).join(" ");
        const common = { id: fieldId, name: field.name, "aria-invalid": error ? true : undefined, "aria-describedby": described };
        return (
          <div key={field.name} className="flex flex-col gap-1">
            {field.kind === "radio" ? (
              <fieldset aria-describedby={`${fieldId}-error`} className="space-y-1">
                <legend className="text-sm font-medium">{field.label}</legend>
                {field.options.map((option, i) => (
                  <label key={option.value} className="flex items-center gap-2 text-sm">
                    <input type="radio" name={field.name} value={option.value} defaultChecked={valueOf(field.name) ? valueOf(field.name) === option.value : i === 0} />{" "}
                    {option.label}
                  </label>
                ))}
              </fieldset>
            ) : field.kind === "checkbox" ? (
              <label htmlFor={fieldId} className="flex items-center gap-2 text-sm">
                <input type="checkbox" {...common} defaultChecked={valueOf(field.name) === "on"} /> {field.label}
              </label>
            ) : (
              <>
                <label htmlFor={fieldId} className="text-sm font-medium">
                  {field.label}
                </label>
                {field.kind === "select" ? (
                  // The key goes before the spread: after it, JSX falls back to createElement and React warns of unkeyed children.
                  <select key={`${field.name}-${valueOf(field.name)}`} {...common} defaultValue={valueOf(field.name)} className={INPUT}>
                    <option value="">{field.placeholder ?? t("chooseOne")}</option>
                    {field.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : field.kind === "textarea" ? (
                  <>
                    {field.templates?.length ? (
                      <select
                        aria-label={t("templateLabel")}
                        defaultValue=""
                        onChange={(event) => {
                          const template = field.templates?.[Number(event.target.value)];
                          const area = document.getElementById(fieldId);
                          if (template && area instanceof HTMLTextAreaElement) {
                            area.value = template.body;
                            area.focus();
                          }
                        }}
                        className={INPUT}
                      >
                        <option value="">{t("templateStart")}</option>
                        {field.templates.map((template, i) => (
                          <option key={template.title} value={i}>
                            {template.title}
                          </option>
                        ))}
                      </select>
                    ) : null}
                    <textarea {...common} rows={3} maxLength={field.maxLength ?? 2000} defaultValue={valueOf(field.name)} className={INPUT} />
                  </>
                ) : field.kind === "photos" ? (
                  <input {...common} type="file" multiple accept={PHOTO_TYPES.join(",")} className={FILE_INPUT} />
                ) : field.kind === "money" ? (
                  <input {...common} type="text" inputMode="decimal" autoComplete="off" defaultValue={valueOf(field.name)} className={INPUT} />
                ) : (
                  <input {...common} type="text" autoComplete={field.autoComplete ?? "off"} defaultValue={valueOf(field.name)} className={INPUT} />
                )}
                {"hint" in field && field.hint ? (
                  <p id={`${fieldId}-hint`} className="text-xs text-stone-500">
                    {field.hint}
                  </p>
                ) : null}
              </>
            )}
            <p id={`${fieldId}-error`} aria-live="polite" className="min-h-5 text-sm text-rose-700">
              {error ?? ""}
            </p>
          </div>
        );
      })}
      {showAlert ? (
        <div role="alert" className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {unplaced ?? state.message}{" "}
          {state.stale ? (
            <a href={`/orders/${orderId}`} className="font-medium underline">
              {t("reload")}
            </a>
          ) : null}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className={`min-h-11 rounded px-4 py-2 text-sm font-medium disabled:cursor-wait disabled:opacity-60 ${TONES[tone]}`}>
        {pending ? t("working") : label}
      </button>
    </form>
  );
}
