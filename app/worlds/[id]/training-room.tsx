import { getTranslations } from "next-intl/server";
import { randomBytes } from "node:crypto";
import { LiveUpdates } from "@/components/live-updates";
import { StartForEveryoneForm } from "@/components/scenario-forms";
import { systemClock } from "@/lib/clock";
import { getI18n } from "@/lib/i18n/server";
import { scenarioText, scenarios } from "@/lib/server/scenarios/catalogue";
import { trainingRoom } from "@/lib/server/scenarios/runs";

/**
 * The trainer's room (issue 30), for a private world's owner and facilitators: each member, the
 * persona they are signed in as, their latest scenario and how many steps are done — refreshed by
 * itself when anything in the world moves — a "start for everyone", and each scenario's summary as CSV.
 */
export async function TrainingRoom({ worldId }: { worldId: string }) {
  const t = await getTranslations("scenarios.room");
  const tRoles = await getTranslations("layout.roles");
  const { locale } = await getI18n();
  const members = await trainingRoom(worldId, systemClock.now());
  const catalogue = scenarios();
  return (
    <section aria-labelledby="room-heading" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <LiveUpdates src={`/worlds/${worldId}/live`} />
      <div className="space-y-1">
        <h2 id="room-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-stone-700">{t("intro")}</p>
      </div>
      <div className="table-scroll overflow-x-auto" tabIndex={0} role="region" aria-labelledby="room-heading">
        <table className="w-full min-w-[32rem] text-left text-sm">
          <thead className="text-stone-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t("member")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("persona")}</th>
              <th scope="col" className="py-1 pr-3 font-medium">{t("scenario")}</th>
              <th scope="col" className="py-1 font-medium">{t("progress")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {members.map((member) => (
              <tr key={member.id}>
                <th scope="row" className="py-2 pr-3 font-medium">{member.name}</th>
                <td className="py-2 pr-3">{member.persona ? `${member.persona.name} (${tRoles(member.persona.role as "BUYER" | "SELLER" | "SUPPORT")})` : <span className="text-stone-500">{t("notSignedIn")}</span>}</td>
                <td className="py-2 pr-3">{member.run ? scenarioText(member.run.scenario.title, locale) : <span className="text-stone-500">{t("none")}</span>}</td>
                <td className="py-2">
                  {member.run ? (
                    <>
                      {t("progressLine", { done: member.run.progress.doneCount, total: member.run.scenario.steps.length, finished: member.run.progress.next === null ? "yes" : "no" })}
                      {member.run.progress.next !== null ? <span className="block text-xs text-stone-600">{t("stuckOn", { n: member.run.progress.next + 1 })}</span> : null}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="space-y-2 border-t border-stone-100 pt-3">
        <h3 className="font-semibold">{t("everyoneHeading")}</h3>
        <p className="text-sm text-stone-700">{t("everyoneIntro")}</p>
        <StartForEveryoneForm
          worldId={worldId}
          formKey={randomBytes(12).toString("hex")}
          options={catalogue.map((scenario) => ({ id: scenario.id, title: scenarioText(scenario.title, locale) }))}
          labels={{ scenario: t("scenarioLabel"), submit: t("startForEveryone"), pending: t("startingForEveryone") }}
        />
      </div>
      <div className="space-y-2 border-t border-stone-100 pt-3">
        <h3 className="font-semibold">{t("summaryHeading")}</h3>
        <p className="text-sm text-stone-700">{t("summaryIntro")}</p>
        <form method="get" action={`/worlds/${worldId}/scenarios.csv`} className="flex flex-wrap items-end gap-2">
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor="summary-scenario" className="text-sm font-medium">
              {t("scenarioLabel")}
            </label>
            <select id="summary-scenario" name="scenario" className="min-h-11 max-w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm">
              <option value="">{t("allScenarios")}</option>
              {catalogue.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenarioText(scenario.title, locale)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">
            {t("download")}
          </button>
        </form>
      </div>
    </section>
  );
}
