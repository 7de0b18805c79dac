import Link from "next/link";
import { formatRemaining } from "@/lib/format";
import type { NextDeadline } from "@/lib/views";
import type { ClockControl, WorldKind } from "@/lib/worlds";
import { LiveClock } from "./live-clock";
import { SimulatorButton } from "./simulator-button";
import { ConfirmWorldForm } from "./world-forms";

export interface ClockBarWorld {
  id: string;
  name: string;
  kind: WorldKind;
  clock: ClockControl;
}

/**
 * The simulator's clock on every page: which world this is, its app time, and — for the people who
 * may move it (a private world's owner and facilitators) — jumps forward and the reset; everyone
 * else is told why they can't. `next` is the next deadline this person may see (the layout asks);
 * `anywhere`: it may be on any order (support).
 */
export function ClockBar({ now, signedIn, next, anywhere, world }: { now: Date; signedIn: boolean; next: NextDeadline | null; anywhere: boolean; world: ClockBarWorld }) {
  return (
    <section aria-label="Simulator clock" className="border-b border-stone-200 bg-stone-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-start gap-3 px-4 py-2 text-sm">
        <p className="pt-1">
          <span className="text-stone-600">World:</span>{" "}
          {world.kind === "PRIVATE" ? (
            <Link href={`/worlds/${world.id}`} className="font-medium underline">
              {world.name}
            </Link>
          ) : (
            <strong>{world.name}</strong>
          )}
        </p>
        <p className="pt-1">
          <span className="text-stone-600">App time:</span> <strong><LiveClock serverNow={now.toISOString()} /></strong>
        </p>
        {signedIn && world.clock.allowed ? (
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
            <div className="ml-auto">
              <ConfirmWorldForm
                kind="reset"
                worldId={world.id}
                summary="Reset this world"
                explanation="Deletes every change made in this world and rebuilds it as it started, with its clock back to real time. Other worlds are not touched."
                confirmLabel="Yes, reset this world"
              />
            </div>
          </>
        ) : (
          <p className="basis-full text-xs text-stone-600 sm:basis-auto sm:pt-1.5">
            {world.clock.allowed ? "Sign in as a persona to move the clock." : world.clock.reason}{" "}
            {world.kind === "DEMO" ? (
              <Link href="/#private-world" className="underline">
                Create a private world
              </Link>
            ) : null}
          </p>
        )}
      </div>
    </section>
  );
}
