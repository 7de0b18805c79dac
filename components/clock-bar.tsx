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
  const worldName = world.kind === "DEMO" ? t("demoWorld") : world.name;
  const controls =
    signedIn && world.clock.allowed ? (
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
        <div className="sm:ml-auto">
          <ConfirmWorldForm kind="reset" worldId={world.id} summary={t("reset")} explanation={t("resetExplanation")} confirmLabel={t("resetConfirm")} />
        </div>
      </>
    ) : null;
  return (
    <section aria-label={t("region")} className="border-b border-stone-200 bg-stone-100">
      {/* A phone gets one line (the world and its time) that opens on the controls or on why there are none. */}
      <details className="group px-4 text-sm sm:hidden">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 [&::-webkit-details-marker]:hidden">
          <span className="min-w-0 truncate">
            <span className="sr-only">{t("world")} </span>
            <strong>{worldName}</strong>
          </span>
          <span aria-hidden="true">·</span>
          <strong className="whitespace-nowrap">
            <span className="sr-only">{t("appTime")} </span>
            <LiveClock serverNow={now.toISOString()} compact />
          </strong>
          <span aria-hidden="true" className="ml-auto text-xs group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="flex flex-wrap items-start gap-2 pb-3">
          {world.kind === "PRIVATE" ? (
            <Link href={`/worlds/${world.id}`} className="basis-full underline">
              {world.name}
            </Link>
          ) : null}
          {controls ?? <div className="text-xs text-stone-600">{whyFixed}</div>}
        </div>
      </details>
      <div className="mx-auto hidden max-w-6xl flex-wrap items-start gap-3 px-4 py-2 text-sm sm:flex">
        <p className="sm:pt-1">
          <span className="text-stone-600">{t("world")}</span>{" "}
          {world.kind === "PRIVATE" ? (
            <Link href={`/worlds/${world.id}`} className="font-medium underline">
              {world.name}
            </Link>
          ) : (
            <strong>{worldName}</strong>
          )}
        </p>
        <p className="sm:pt-1">
          <span className="text-stone-600">{t("appTime")}</span>{" "}
          <strong>
            <LiveClock serverNow={now.toISOString()} />
          </strong>
        </p>
        {controls ?? <div className="basis-auto pt-1.5 text-xs text-stone-600">{whyFixed}</div>}
      </div>
    </section>
  );
}
