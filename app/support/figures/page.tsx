import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TrendFigure } from "@/components/trend-figure";
import { WindowTabs } from "@/components/window-tabs";
import { formatHours } from "@/lib/format";
import { formatRate, type PerformanceWindow } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { requireUser } from "@/lib/server/auth/session";
import { agentFigures, type AgentRow } from "@/lib/server/support/agent-figures";

export const metadata: Metadata = { title: "Agent figures" };

function Row({ row, team = false }: { row: AgentRow; team?: boolean }) {
  return (
    <tr className={team ? "bg-stone-50 font-medium" : ""}>
      <th scope="row" className="px-3 py-2 text-left font-medium">
        {row.name}
      </th>
      <td className="px-3 py-2 tabular-nums">{row.decided}</td>
      <td className="px-3 py-2 tabular-nums">{row.medianMs === null ? "—" : formatHours(row.medianMs)}</td>
      <td className="px-3 py-2 tabular-nums">
        {formatRate(row.overturned, row.firstDecisions)}
        {row.firstDecisions > 0 ? <span className="text-stone-600"> ({row.overturned} of {row.firstDecisions})</span> : null}
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
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Agent figures</h1>
        <p className="max-w-3xl text-stone-700">
          Decisions on disputes and appeals, counted on the app clock over calendar days (UTC), today included. The time to a decision runs from the
          dispute&apos;s opening, or from the seller&apos;s appeal; &quot;overturned&quot; is the share of first decisions another agent overturned on appeal.
        </p>
      </div>
      <WindowTabs path="/support/figures" chosen={chosen} from={window.from} to={window.to} />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Decisions per agent, last {chosen} days</caption>
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Agent</th>
              <th scope="col" className="px-3 py-2 font-medium">Cases decided</th>
              <th scope="col" className="px-3 py-2 font-medium">Median time to a decision</th>
              <th scope="col" className="px-3 py-2 font-medium">Overturned on appeal</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {window.agents.map((row) => (
              <Row key={row.agentId} row={row} />
            ))}
            <Row row={window.team} team />
          </tbody>
        </table>
      </div>
      <TrendFigure
        title="Cases decided by the team, day by day, last 30 days"
        label="decided"
        unit="count"
        days={figures.daily.map((d) => ({ day: d.day, value: d.decided, cell: String(d.decided) }))}
      />
    </div>
  );
}
