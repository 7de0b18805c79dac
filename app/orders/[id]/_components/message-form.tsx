"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { useClientMessage } from "@/components/use-format";
import { useRefreshAfter } from "@/components/use-refresh-after";
import { MAX_MESSAGE, PHOTO_TYPES, photoHint, photoLimitProblem } from "@/lib/order/limits";
import { sendMessageAction, type MessageFormState } from "../message-action";
import { FILE_INPUT } from "./command-form";

const INPUT = "w-full rounded border border-stone-300 bg-white px-2 py-1.5 aria-invalid:border-rose-600";

/** Writes in an order's conversation: a message, optional photos, and (sellers) the shop's quick replies. */
export function MessageForm({ orderId, quickReplies }: { orderId: string; quickReplies: string[] }) {
  const [state, action, sending] = useActionState<MessageFormState, FormData>(sendMessageAction, null);
  // The action answers with the result; the conversation comes with the page's refresh.
  const pending = useRefreshAfter(state) || sending;
  const t = useTranslations("client.message");
  const say = useClientMessage();
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
    else if (state?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const error = (name: string) => (name === "photos" && photoProblem ? photoProblem : state?.fieldErrors?.[name]?.[0]);
  return (
    <form
      ref={form}
      action={action}
      noValidate
      className="space-y-2"
      onSubmit={(event) => {
        const input = event.currentTarget.querySelector<HTMLInputElement>('input[type="file"]');
        const limit = input?.files ? photoLimitProblem([...input.files]) : null;
        const problem = limit ? say(limit) : null;
        setPhotoProblem(problem);
        if (problem) event.preventDefault();
      }}
    >
      <input type="hidden" name="orderId" value={orderId} />
      {quickReplies.length > 0 ? (
        <select
          aria-label={t("quickReply")}
          defaultValue=""
          className={INPUT}
          onChange={(event) => {
            const text = quickReplies[Number(event.target.value)];
            if (text && body.current) {
              body.current.value = text;
              body.current.focus();
            }
          }}
        >
          <option value="">{t("insertQuickReply")}</option>
          {quickReplies.map((reply, i) => (
            <option key={reply} value={i}>
              {reply}
            </option>
          ))}
        </select>
      ) : null}
      <label htmlFor={`message-${orderId}`} className="block text-sm font-medium">
        {t("label")}
      </label>
      <textarea
        ref={body}
        id={`message-${orderId}`}
        name="body"
        rows={3}
        maxLength={MAX_MESSAGE}
        key={state && !state.ok ? "retry" : "fresh"}
        defaultValue={state && !state.ok ? (state.body ?? "") : ""}
        aria-invalid={error("body") ? true : undefined}
        aria-describedby={`message-${orderId}-error`}
        className={INPUT}
      />
      <p id={`message-${orderId}-error`} aria-live="polite" className="min-h-5 text-sm text-rose-700">
        {error("body") ?? ""}
      </p>
      <label htmlFor={`message-${orderId}-photos`} className="block text-sm font-medium">
        {t("photos")}
      </label>
      <input id={`message-${orderId}-photos`} name="photos" type="file" multiple accept={PHOTO_TYPES.join(",")} aria-invalid={error("photos") ? true : undefined} aria-describedby={`message-${orderId}-photos-hint message-${orderId}-photos-error`} className={FILE_INPUT} />
      <p id={`message-${orderId}-photos-hint`} className="text-xs text-stone-500">
        {say(photoHint("optional"))}
      </p>
      <p id={`message-${orderId}-photos-error`} aria-live="polite" className="min-h-5 text-sm text-rose-700">
        {error("photos") ?? ""}
      </p>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("sending") : t("send")}
        </button>
        <p role={state && !state.ok && !state.fieldErrors ? "alert" : "status"} className={`text-sm ${state?.ok ? "text-emerald-800" : "text-rose-700"}`}>
          {state && !state.fieldErrors ? state.message : ""}
        </p>
      </div>
    </form>
  );
}
