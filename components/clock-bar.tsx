import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
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
export async function ClockBar({ now, signedIn, next, anywhere, world }: { now: Date; signedIn: boolean; next: NextDeadline | null; anywhere: boolean; world: ClockBarWorld }) {
  const t = await getTranslations("clock");
  const { f, render } = await getI18n();
  const whyFixed = (
    <p>
      {world.clock.allowed ? t("signInToMoveBar") : render(world.clock.reason)}{" "}
      {world.kind === "DEMO" ? (
        <Link href="/#private-world" className="underline">
          {t("createPrivate")}
        </Link>
      ) : null}
    </p>
  );
  return (
    <section aria-label={t("region")} className="border-b border-stone-200 bg-stone-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-start gap-3 px-4 py-2 text-sm">
        <p className="sm:pt-1">
          <span className="text-stone-600">{t("world")}</span>{" "}
          {world.kind === "PRIVATE" ? (
            <Link href={`/worlds/${world.id}`} className="font-medium underline">
              {world.name}
            </Link>
          ) : (
            <strong>{world.kind === "DEMO" ? t("demoWorld") : world.name}</strong>
          )}
        </p>
        <p className="sm:pt-1">
          <span className="text-stone-600">{t("appTime")}</span>{" "}
          <strong>
            <LiveClock serverNow={now.toISOString()} />
          </strong>
        </p>
        {signedIn && world.clock.allowed ? (
          <>
            <SimulatorButton action="jump" fields={{ by: "HOUR" }} label={t("plusHour")} />
            <SimulatorButton action="jump" fields={{ by: "DAY" }} label={t("plusDay")} />
            {next ? (
              <SimulatorButton
                action="jump"
                fields={{ by: "NEXT_DEADLINE" }}
                label={t(anywhere ? "jumpNextAnywhere" : "jumpNext", { deadline: render(next.label), code: next.code, in: f.remaining(next.dueAt.getTime() - now.getTime()) })}
              />
            ) : null}
            <div className="ml-auto">
              <ConfirmWorldForm kind="reset" worldId={world.id} summary={t("reset")} explanation={t("resetExplanation")} confirmLabel={t("resetConfirm")} />
            </div>
          </>
        ) : (
          <>
            {/* On a phone the reason folds behind one line, so the bar takes one line of the first screen. */}
            <details className="basis-full text-xs text-stone-600 sm:hidden">
              <summary className="min-h-6 cursor-pointer">{t("whyFixed")}</summary>
              {whyFixed}
            </details>
            <div className="hidden text-xs text-stone-600 sm:block sm:basis-auto sm:pt-1.5">
              {whyFixed}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
