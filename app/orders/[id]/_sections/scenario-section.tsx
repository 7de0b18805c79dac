import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { randomBytes } from "node:crypto";
import { signIn } from "@/app/actions/session";
import { StartScenarioButton } from "@/components/scenario-forms";
import { getI18n } from "@/lib/i18n/server";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { scenarioText } from "@/lib/server/scenarios/catalogue";
import type { RunView } from "@/lib/server/scenarios/runs";
import { SimulatorButton } from "@/components/simulator-button";
import { DEADLINE_COMMANDS, parseDeadlineKey } from "@/lib/order";
import type { OrderDetail } from "@/lib/server/orders/get-order";

function sendsCommand(key: string, command: string): boolean {
  const parsed = parseDeadlineKey(key);
  return !!parsed && DEADLINE_COMMANDS[parsed.kind](parsed.ref).type === command;
}

/**
 * The checklist of the scenario that made this order (issue 30), beside it: each step ticks itself
 * from the order's events, names its rule with a link, and the next one says who plays it — with the
 * switch to that persona, landing back on this order — or that the platform's clock plays it.
 */
export async function ScenarioSection({ run, personas, user, deadlines, canMoveClock }: { run: RunView; personas: ({ id: string; name: string } | null)[]; user: SessionUser; deadlines: OrderDetail["deadlines"]; canMoveClock: boolean }) {
  const t = await getTranslations("scenarios.checklist");
  const { locale, render } = await getI18n();
  const { scenario, progress } = run;
  const complete = progress.next === null;
  // The platform's next step, when a timer plays it: the order's deadline that sends its command.
  const nextStep = progress.next === null ? null : scenario.steps[progress.next]!;
  const timer = nextStep?.who === "SYSTEM" ? deadlines.find((deadline) => sendsCommand(deadline.key, nextStep.command)) : undefined;
  return (
    <section aria-labelledby="section-scenario" className="rounded-lg border-2 border-brand-600 bg-white p-4">
      <p className="text-xs font-medium tracking-wide text-brand-700 uppercase">{t("kicker")}</p>
      <h2 id="section-scenario" className="mb-3 text-base font-semibold">
        {scenarioText(scenario.title, locale)}
      </h2>
      <ol className="space-y-3" aria-live="polite">
        {scenario.steps.map((step, i) => {
          const state = progress.steps[i]!.done ? "done" : i === progress.next ? "next" : "waiting";
          const persona = personas[i] ?? null;
          return (
            <li key={i} aria-current={state === "next" ? "step" : undefined} className={`flex gap-2 text-sm ${state === "waiting" ? "text-stone-500" : ""}`}>
              <span aria-hidden="true" className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${state === "done" ? "bg-emerald-600 text-white" : state === "next" ? "bg-brand-600 text-white" : "bg-stone-200 text-stone-700"}`}>
                {state === "done" ? "✓" : i + 1}
              </span>
              <div className="min-w-0 space-y-1">
                <p>
                  <span className="sr-only">{t("stepNumber", { n: i + 1 })} </span>
                  {scenarioText(step.text, locale)} <strong className="whitespace-nowrap">— {t(`state.${state}`)}</strong>
                </p>
                <p className="text-xs text-stone-600">
                  {step.who === "SYSTEM" ? t("byPlatform") : t("byPersona", { name: persona?.name ?? "" })} ·{" "}
                  <Link href={`/rules#rule-${step.rule}`} className="text-brand-700 underline">
                    {t("rule", { id: step.rule })}
                  </Link>
                </p>
                {state === "next" && step.who !== "SYSTEM" && persona && persona.id !== user.id ? (
                  <form action={signIn}>
                    <input type="hidden" name="userId" value={persona.id} />
                    <input type="hidden" name="next" value={`/orders/${run.orderId}`} />
                    <button type="submit" className="min-h-11 rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
                      {t("switchTo", { name: persona.name })}
                    </button>
                  </form>
                ) : null}
                {state === "next" && step.who !== "SYSTEM" && persona?.id === user.id ? <p className="text-xs font-medium text-emerald-800">{t("yourTurn")}</p> : null}
                {state === "next" && timer ? (
                  canMoveClock ? (
                    <div className="flex flex-wrap gap-2">
                      <SimulatorButton action="jump" fields={{ by: "DEADLINE", orderId: run.orderId, key: timer.key }} label={t("jumpTo")} />
                      {timer.hurry ? <SimulatorButton action="simulate" fields={{ type: "HURRY_SIMULATION", orderId: run.orderId, deadline: timer.key }} label={render(timer.hurry)} /> : null}
                    </div>
                  ) : timer.hurry ? (
                    <SimulatorButton action="simulate" fields={{ type: "HURRY_SIMULATION", orderId: run.orderId, deadline: timer.key }} label={render(timer.hurry)} />
                  ) : (
                    <p className="text-xs text-stone-700">{t("askTrainer")}</p>
                  )
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-4 space-y-2 border-t border-stone-100 pt-3">
        {complete ? (
          <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
            {t("complete")}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-2">
          <StartScenarioButton scenarioId={scenario.id} formKey={randomBytes(12).toString("hex")} label={t("restart")} pendingLabel={t("restarting")} secondary />
          <Link href="/scenarios" className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline">
            {t("more")}
          </Link>
        </div>
      </div>
    </section>
  );
}
