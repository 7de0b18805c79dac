import { getTranslations } from "next-intl/server";
import { toCsv } from "@/lib/csv";
import { getI18n } from "@/lib/i18n/server";
import { currentVisitorId } from "@/lib/server/auth/session";
import { readDb } from "@/lib/server/db";
import { scenarioText, scenarios } from "@/lib/server/scenarios/catalogue";
import { runsOfScenario, summaryRows } from "@/lib/server/scenarios/runs";
import { loadWorldView } from "@/lib/server/worlds/world-access";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

/** A scenario's summary in this world as CSV (issue 30): each run, who finished, each step's real minutes, where people stopped. Owner and facilitators only. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const t = await getTranslations("scenarios.csv");
  const { locale } = await getI18n();
  const world = await loadWorldView(readDb, id, await currentVisitorId());
  // Someone else's world, or a member's view of it, looks like no world.
  if (!world || world.kind !== "PRIVATE" || !world.clock.allowed) return new Response("Not found", { status: 404, headers: TEXT });
  const scenario = scenarios().find((candidate) => candidate.id === new URL(request.url).searchParams.get("scenario"));
  if (!scenario) return new Response("Not found", { status: 404, headers: TEXT });
  const runs = await runsOfScenario(readDb, world.id, scenario.id);
  const rows = summaryRows(
    scenario,
    runs,
    { header: [t("member"), t("started"), t("finished"), t("stepsDone"), t("stuckAt")], step: (n) => t("step", { n }), yes: t("yes"), no: t("no") },
    (step) => scenarioText(step.text, locale),
  );
  return new Response(toCsv(rows, { bom: locale !== "en" }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="scenario-${scenario.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
