import { getTranslations } from "next-intl/server";
import { toCsv } from "@/lib/csv";
import { getI18n } from "@/lib/i18n/server";
import { currentVisitorId } from "@/lib/server/auth/session";
import { scenarioText, scenarios } from "@/lib/server/scenarios/catalogue";
import { runsOfWorld, summaryRows } from "@/lib/server/scenarios/runs";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { readWorldView } from "@/lib/server/worlds/world-access";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

/** The scenarios' summary in this world as CSV (issue 30), of one scenario or all: each run, who finished, each step's real minutes, where people stopped. Owner and facilitators only. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const t = await getTranslations("scenarios.csv");
  const { locale } = await getI18n();
  const visitorId = await currentVisitorId();
  const world = readSql((sql) => readWorldView(sql, id, visitorId));
  // Someone else's world, or a member's view of it, looks like no world.
  if (!world || world.kind !== "PRIVATE" || !world.clock.allowed) return new Response("Not found", { status: 404, headers: TEXT });
  // One scenario (?scenario=), or every run of every scenario without one.
  const wanted = new URL(request.url).searchParams.get("scenario") || null;
  const scenario = wanted === null ? null : scenarios().find((candidate) => candidate.id === wanted);
  if (scenario === undefined) return new Response("Not found", { status: 404, headers: TEXT });
  const runs = await runsOfWorld(world.id, scenario?.id ?? null);
  const rows = summaryRows(
    runs,
    { header: [t("scenario"), t("member"), t("started"), t("finished"), t("stepsDone"), t("stuckAt")], step: (n) => t("step", { n }), yes: t("yes"), no: t("no") },
    (value) => scenarioText(value, locale),
  );
  return new Response(toCsv(rows, { bom: locale !== "en" }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${scenario ? `scenario-${scenario.id}` : "scenarios"}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
