"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { jumpClockAction, simulateAction, type SimulatorState } from "@/app/actions/simulator";

/** A one-button simulator control (clock jump or carrier / network event) that says what it did. */
export function SimulatorButton({ action, fields, label, className }: { action: "jump" | "simulate"; fields: Record<string, string>; label: string; className?: string }) {
  const t = useTranslations("client");
  const [state, formAction, pending] = useActionState<SimulatorState, FormData>(action === "jump" ? jumpClockAction : simulateAction, null);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} className={className ?? "rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-60"}>
        {pending ? t("working") : label}
      </button>
      <span role="status" aria-live="polite" className={`text-xs ${state && !state.ok ? "text-rose-700" : "text-stone-600"}`}>
        {state?.message ?? ""}
      </span>
    </form>
  );
}
