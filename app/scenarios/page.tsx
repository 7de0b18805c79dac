import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/app/actions/session";
import { listPersonas } from "@/lib/server/auth/personas";
import { stepPersonas } from "@/lib/scenarios/scenarios";
import { randomBytes } from "node:crypto";
import { StartScenarioButton } from "@/components/scenario-forms";
import { getI18n } from "@/lib/i18n/server";
import { currentVisitorId } from "@/lib/server/auth/session";
import { scenarioText, scenarios } from "@/lib/server/scenarios/catalogue";
import { runsOfVisitor } from "@/lib/server/scenarios/runs";
import { currentWorld } from "@/lib/server/worlds/current-world";
import type { Scenario } from "@/lib/scenarios/scenarios";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scenarios"))("title") };
}
export const dynamic = "force-dynamic";

/** The seed article's three cases, then the platform's other rules. */
const GROUPS = [1, 2, 3, 0] as const;

/**
 * The scenario catalogue (issue 30): each guided case with its steps, a Start button, and this
 * browser's runs of it in the current world. From the demo world, Start first makes a practice world.
 */
export default async function ScenariosPage() {
  const t = await getTranslations("scenarios");
  const { f, locale } = await getI18n();
  const world = await currentWorld();
  const [runs, personas] = world.kind === "PRIVATE" ? await Promise.all([runsOfVisitor(world.id, await currentVisitorId()), listPersonas(world.id)]) : [[], []];
  const text = (value: Scenario["title"]) => scenarioText(value, locale);
  const catalogue = scenarios();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p className={`rounded border px-3 py-2 text-sm ${world.kind === "DEMO" ? "border-amber-300 bg-amber-50 text-amber-950" : "border-stone-200 bg-white text-stone-700"}`}>
          {world.kind === "DEMO" ? t("fromDemo") : t("inWorld", { world: world.name })}
        </p>
      </div>
      {GROUPS.map((group) => {
        const inGroup = catalogue.filter((scenario) => (scenario.seedCase ?? 0) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`} className="space-y-3">
            <h2 id={`group-${group}`} className="text-xl font-semibold">
              {t(`group.${group}`)}
            </h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {inGroup.map((scenario) => {
                const mine = runs.filter((run) => run.scenario.id === scenario.id);
                return (
                  <li key={scenario.id} className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4">
                    <h3 className="font-semibold">{text(scenario.title)}</h3>
                    <p className="text-sm text-stone-700">{text(scenario.summary)}</p>
                    <details className="text-sm">
                      <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700">{t("stepsSummary", { count: scenario.steps.length })}</summary>
                      <ol className="list-decimal space-y-1 pl-6 text-stone-700">
                        {scenario.steps.map((step, i) => (
                          <li key={i}>{text(step.text)}</li>
                        ))}
                      </ol>
                    </details>
                    {mine.length > 0 ? (
                      <ul aria-label={t("yourRuns")} className="space-y-2 text-sm">
                        {mine.slice(0, 3).map((run) => {
                          const players = stepPersonas(scenario, world.id, personas);
                          const player = players[run.progress.next ?? -1] ?? players.find((persona) => persona !== null) ?? null;
                          return (
                            <li key={run.id} className="flex flex-wrap items-center gap-2">
                              <span>{t("runLine", { at: f.dateTime(run.startedAt), done: run.progress.doneCount, total: scenario.steps.length, finished: run.progress.next === null ? "yes" : "no" })}</span>
                              {player ? (
                                <form action={signIn}>
                                  <input type="hidden" name="userId" value={player.id} />
                                  <input type="hidden" name="next" value={`/orders/${run.orderId}`} />
                                  <button type="submit" className="min-h-11 rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
                                    {t(run.progress.next === null ? "openAs" : "continueAs", { name: player.name })}
                                    <span className="sr-only"> — {text(scenario.title)}</span>
                                  </button>
                                </form>
                              ) : null}
                            </li>
                          );
                        })}
                      </ul>
                    ) : null}
                    <div className="mt-auto">
                      <StartScenarioButton
                        scenarioId={scenario.id}
                        formKey={randomBytes(12).toString("hex")}
                        label={world.kind === "DEMO" ? t("startInPractice") : mine.length > 0 ? t("startAgain") : t("start")}
                        pendingLabel={t("starting")}
                        secondary={mine.length > 0}
                        title={text(scenario.title)}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
