import { resetWorldAction } from "@/app/actions/simulator";
import { formatRemaining } from "@/lib/format";
import type { NextDeadline } from "@/lib/views";
import { LiveClock } from "./live-clock";
import { SimulatorButton } from "./simulator-button";

/**
 * The simulator's clock on every page: the app time, jumps forward, and the demo reset. `next` is the
 * next deadline this person may see (the layout asks); `anywhere`: it may be on any order (support).
 */
export function ClockBar({ now, signedIn, next, anywhere }: { now: Date; signedIn: boolean; next: NextDeadline | null; anywhere: boolean }) {
  return (
    <section aria-label="Simulator clock" className="border-b border-stone-200 bg-stone-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-start gap-3 px-4 py-2 text-sm">
        <p className="pt-1">
          <span className="text-stone-600">App time:</span> <strong><LiveClock serverNow={now.toISOString()} /></strong>
        </p>
        {signedIn ? (
          <>
            <SimulatorButton action="jump" fields={{ by: "HOUR" }} label="+1 hour" />
            <SimulatorButton action="jump" fields={{ by: "DAY" }} label="+1 day" />
            {next ? (
              <SimulatorButton
                action="jump"
                fields={{ by: "NEXT_DEADLINE" }}
                label={`Jump to next deadline${anywhere ? " anywhere" : ""}: ${next.label} (order ${next.code}, in ${formatRemaining(next.dueAt.getTime() - now.getTime())})`}
              />
            ) : null}
            <details className="ml-auto">
              <summary className="cursor-pointer pt-1 text-stone-700">Reset demo world</summary>
              <form action={resetWorldAction} className="mt-2 space-y-2 rounded border border-stone-300 bg-white p-2">
                <p className="text-xs text-stone-700">Deletes every change and restores the seeded demo world and real time.</p>
                <input type="hidden" name="confirm" value="yes" />
                <button type="submit" className="rounded bg-rose-700 px-2 py-1 text-xs text-white hover:bg-rose-800">
                  Yes, reset the demo world
                </button>
              </form>
            </details>
          </>
        ) : null}
      </div>
    </section>
  );
}
