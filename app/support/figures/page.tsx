import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TrendFigure } from "@/components/trend-figure";
import { WindowTabs } from "@/components/window-tabs";
import { getI18n } from "@/lib/i18n/server";
import { formatRate, type PerformanceWindow } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { agentFigures, type AgentRow } from "@/lib/server/support/agent-figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.figures"))("title") };
}

function Row({ row, team = false, name, hours, of }: { row: AgentRow; team?: boolean; name: string; hours: (ms: number) => string; of: string }) {
  return (
    <tr className={team ? "bg-stone-50 font-medium" : ""}>
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {name}
      </th>
      <td className="px-3 py-2 tabular-nums">{row.decided}</td>
      <td className="px-3 py-2 tabular-nums">{row.medianMs === null ? "—" : hours(row.medianMs)}</td>
      <td className="px-3 py-2 tabular-nums">
        {formatRate(row.overturned, row.firstDecisions)}
        {row.firstDecisions > 0 ? <span className="text-stone-600"> {of}</span> : null}
      </td>
    </tr>
  );
}

/** Support's own figures (issue 17, point 5): per agent and for the team, over the app clock's last 7 and 30 days. */
export default async function AgentFiguresPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPPORT");
  const params = await props.searchParams;
  const chosen: PerformanceWindow = params.window === "30" ? 30 : 7;
  const figures = await agentFigures(user, await appNow());
  if (!figures) notFound();
  const window = figures.windows.find((w) => w.days === chosen)!;
  const t = await getTranslations("support.figures");
  const { f } = await getI18n();
  const row = (r: AgentRow, team = false) => (
    <Row key={r.agentId ?? "team"} row={r} team={team} name={team ? t("team") : r.name} hours={f.hours} of={t("ofFirst", { overturned: r.overturned, first: r.firstDecisions })} />
  );
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-700">
          {t("intro")}
        </p>
      </div>
      <WindowTabs path="/support/figures" chosen={chosen} from={window.from} to={window.to} />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption", { days: chosen })}</caption>
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("agent")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("decided")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("median")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("overturned")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {window.agents.map((agent) => row(agent))}
            {row(window.team, true)}
          </tbody>
        </table>
      </div>
      <TrendFigure
        title={t("trend")}
        label="decided"
        unit="count"
        days={figures.daily.map((d) => ({ day: d.day, value: d.decided, cell: String(d.decided) }))}
      />
    </div>
  );
}
