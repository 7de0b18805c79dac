import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MachineDiagram } from "@/components/machine-diagram";
import { layoutMachine } from "@/lib/diagram/layout";
import { getI18n } from "@/lib/i18n/server";
import { MACHINE_TITLES, machineGraphs, machineStatusLabel, type MachineName } from "@/lib/order";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card } from "./card";

/**
 * "Where this order is" (issue 30): what each party may do now and what the platform will do when,
 * then the order's machines drawn with its current states highlighted — the order's always, the
 * others once something of them exists. The drawings fold away behind one line.
 */
export async function WhereSection({ order }: { order: OrderDetail }) {
  const t = await getTranslations("order.where");
  const how = await getTranslations("howItWorks");
  const { render, f } = await getI18n();
  const graphs = new Map(machineGraphs().map((graph) => [graph.name as MachineName, graph]));
  const shown = order.whereItIs.machines.filter((machine) => machine.name === "order" || !machine.current.includes("NONE"));
  return (
    <Card id="where" title={t("title")}>
      <div className="space-y-3 text-sm">
        <div>
          <h3 className="font-medium">{t("moves")}</h3>
          <ul className="list-disc pl-5">
            {order.whereItIs.moves.map((move) => (
              <li key={move.role}>{t("party", { who: render(move.who), commands: move.commands.length ? f.list(move.commands.map(render)) : t("nothing") })}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-medium">{t("timers")}</h3>
          {order.whereItIs.timers.length === 0 ? (
            <p>{t("noTimers")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {order.whereItIs.timers.map((timer, i) => (
                <li key={i}>{t("timer", { deadline: render(timer.label), at: f.dateTime(timer.dueAt), command: render(timer.command) })}</li>
              ))}
            </ul>
          )}
        </div>
        <details className="group">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium">{t("machines")}</summary>
          <div className="space-y-3">
            {shown.map((machine) => {
              const title = render(MACHINE_TITLES[machine.name]);
              const diagram = layoutMachine(graphs.get(machine.name)!, (status) => render(machineStatusLabel(machine.name, status)));
              return (
                <figure key={machine.name} className="space-y-1">
                  <figcaption className="font-medium">
                    {title}: {f.list(machine.current.map((status) => render(machineStatusLabel(machine.name, status))))}
                  </figcaption>
                  <MachineDiagram id={`where-${machine.name}`} diagram={diagram} title={how("diagram", { machine: title })} current={machine.current} scrollHint={how("scrollHint")} />
                </figure>
              );
            })}
            <Link href="/how-it-works" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("how")}
            </Link>
          </div>
        </details>
      </div>
    </Card>
  );
}
