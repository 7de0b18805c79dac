"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { createWorldAction, deleteWorldAction, joinWorldAction, removeMemberAction, replaceShareLinkAction, resetWorldAction, setMemberRoleAction, type WorldFormState } from "@/app/actions/worlds";
import { WORLD_TEMPLATES, type WorldTemplate } from "@/lib/worlds";

const INPUT = "w-full max-w-md rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600";
const PRIMARY = "rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const DANGER = "rounded bg-rose-700 px-2 py-1 text-xs text-white hover:bg-rose-800 disabled:opacity-60";

function useFocusFirstError(state: WorldFormState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return form;
}

function TextField({ name, label, state, hint, autoComplete }: { name: string; label: string; state: WorldFormState; hint?: string; autoComplete?: string }) {
  const id = useId();
  const error = state?.fieldErrors?.[name];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        autoComplete={autoComplete ?? "off"}
        defaultValue={state?.values?.[name] ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        className={INPUT}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-rose-700">
        {error ?? ""}
      </p>
    </div>
  );
}

function FormMessage({ state }: { state: WorldFormState }) {
  return (
    <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-stone-700"}`}>
      {state && !state.fieldErrors ? state.message : ""}
    </p>
  );
}

/** "Create a private world": its name, the creator's name, and what it starts with. */
export function CreateWorldForm() {
  const [state, action, pending] = useActionState<WorldFormState, FormData>(createWorldAction, null);
  const t = useTranslations("client.worlds");
  const form = useFocusFirstError(state);
  const chosen = (state?.values?.template as WorldTemplate | undefined) ?? "DEMO_COPY";
  return (
    <form ref={form} action={action} noValidate className="space-y-3">
      <TextField name="name" label={t("worldName")} state={state} hint={t("worldNameHint")} />
      <TextField name="ownerName" label={t("yourName")} state={state} hint={t("ownerNameHint")} autoComplete="name" />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("startsWith")}</legend>
        {WORLD_TEMPLATES.map((template) => (
          <label key={template} className="flex items-start gap-2 text-sm">
            <input type="radio" name="template" value={template} defaultChecked={template === chosen} className="mt-1" /> {t(`template.${template}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className={PRIMARY}>
        {pending ? t("creating") : t("create")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** Joining a world from its share link: the visitor's name, then in. */
export function JoinWorldForm({ token, worldName }: { token: string; worldName: string }) {
  const [state, action, pending] = useActionState<WorldFormState, FormData>(joinWorldAction, null);
  const t = useTranslations("client.worlds");
  const form = useFocusFirstError(state);
  return (
    <form ref={form} action={action} noValidate className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <TextField name="name" label={t("yourName")} state={state} hint={t("joinNameHint")} autoComplete="name" />
      <button type="submit" disabled={pending} className={PRIMARY}>
        {pending ? t("joining") : t("join", { world: worldName })}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** The owner's switch for one member: facilitator (may move the clock and reset) or member. */
export function MemberRoleButton({ worldId, memberId, role, label }: { worldId: string; memberId: string; role: "FACILITATOR" | "MEMBER"; label: string }) {
  const [state, action, pending] = useActionState<WorldFormState, FormData>(setMemberRoleAction, null);
  const t = useTranslations("client");
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="worldId" value={worldId} />
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="role" value={role} />
      <button type="submit" disabled={pending} className="rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60">
        {pending ? t("working") : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** The owner removes one member (their browser is out of the world at once). */
export function RemoveMemberButton({ worldId, memberId, name }: { worldId: string; memberId: string; name: string }) {
  const [state, action, pending] = useActionState<WorldFormState, FormData>(removeMemberAction, null);
  const t = useTranslations("client");
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="worldId" value={worldId} />
      <input type="hidden" name="memberId" value={memberId} />
      <button type="submit" disabled={pending} className="rounded border border-rose-300 bg-white px-2 py-1 text-xs text-rose-800 hover:bg-rose-50 disabled:opacity-60">
        {pending ? t("working") : t("worlds.remove", { name })}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** The owner replaces the share link; the answer stays in view with the new link above it. */
export function ReplaceLinkButton({ worldId }: { worldId: string }) {
  const [state, action, pending] = useActionState<WorldFormState, FormData>(replaceShareLinkAction, null);
  const t = useTranslations("client");
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="worldId" value={worldId} />
      <button type="submit" disabled={pending} className="rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60">
        {pending ? t("working") : t("worlds.replaceLink")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}

/** A confirmed, destructive world control (reset or delete), behind a disclosure. */
export function ConfirmWorldForm({ kind, worldId, summary, explanation, confirmLabel }: { kind: "reset" | "delete"; worldId: string; summary: string; explanation: string; confirmLabel: string }) {
  const [state, action, pending] = useActionState<WorldFormState, FormData>(kind === "reset" ? resetWorldAction : deleteWorldAction, null);
  const t = useTranslations("client");
  return (
    <details>
      <summary className="cursor-pointer pt-1 text-stone-700">{summary}</summary>
      <form action={action} className="mt-2 max-w-sm space-y-2 rounded border border-stone-300 bg-white p-2">
        <p className="text-xs text-stone-700">{explanation}</p>
        <input type="hidden" name="worldId" value={worldId} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" disabled={pending} className={DANGER}>
          {pending ? t("working") : confirmLabel}
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
