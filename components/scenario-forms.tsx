"use client";

import { useActionState } from "react";
import { startForEveryoneAction, startScenarioAction, type ScenarioFormState } from "@/app/actions/scenarios";

const PRIMARY = "min-h-11 rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const SECONDARY = "min-h-11 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60";

/**
 * "Start" / "Restart" a scenario: one click makes its order (and, from the demo world, a practice
 * world first) and signs in as the persona who acts first. The key is the page's, made when it was
 * rendered: a double-click, or the form sent again, starts one run.
 */
export function StartScenarioButton({ scenarioId, formKey, label, pendingLabel, secondary, title }: { scenarioId: string; formKey: string; label: string; pendingLabel: string; secondary?: boolean; /** Said after the label to a screen reader, so each card's button has its own name. */ title?: string }) {
  const [state, action, pending] = useActionState<ScenarioFormState, FormData>(startScenarioAction, null);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="scenarioId" value={scenarioId} />
      <input type="hidden" name="key" value={formKey} />
      <button type="submit" disabled={pending} className={secondary ? SECONDARY : PRIMARY}>
        {pending ? pendingLabel : label}
        {title ? <span className="sr-only">— {title}</span> : null}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-rose-700">
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}

/** The trainer's "Start for everyone": a scenario chosen from the list, one run for each member. */
export function StartForEveryoneForm({ worldId, formKey, options, labels }: { worldId: string; formKey: string; options: { id: string; title: string }[]; labels: { scenario: string; submit: string; pending: string } }) {
  const [state, action, pending] = useActionState<ScenarioFormState, FormData>(startForEveryoneAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="worldId" value={worldId} />
      <input type="hidden" name="key" value={formKey} />
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor="everyone-scenario" className="text-sm font-medium">
          {labels.scenario}
        </label>
        <select id="everyone-scenario" name="scenarioId" className="min-h-11 max-w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm">
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className={PRIMARY}>
        {pending ? labels.pending : labels.submit}
      </button>
      <p role="status" aria-live="polite" className={`w-full text-sm ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
        {state?.message ?? ""}
      </p>
    </form>
  );
}
