import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MachineDiagram } from "@/components/machine-diagram";
import { layoutMachine } from "@/lib/diagram/layout";
import { getI18n } from "@/lib/i18n/server";
import { MACHINE_TITLES, ROLE_NOUNS, TRANSITIONS, commandLabel, machineGraphs, machineStatusLabel, type CommandType, type MachineName } from "@/lib/order";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("howItWorks"))("title") };
}

/**
 * Every machine of the rule engine drawn from `machineGraphs()` — the order, the cancel request, the
 * refund or return request, the refund, the dispute and its appeal — each with the table of its
 * moves: which commands make each one and who may give them. Server-rendered SVG and tables: it reads
 * the same without JavaScript, in the viewer's language.
 */
export default async function HowItWorksPage() {
  const t = await getTranslations("howItWorks");
  const { render, f } = await getI18n();
  const machines = machineGraphs().map((graph) => {
    const name = graph.name as MachineName;
    const label = (status: string) => render(machineStatusLabel(name, status));
    return { graph, name, title: render(MACHINE_TITLES[name]), label, diagram: layoutMachine(graph, label) };
  });
  const who = (type: string) => f.list(TRANSITIONS[type as CommandType].roles.map((role) => render(ROLE_NOUNS[role])));
  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <nav aria-label={t("contents")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {machines.map((machine) => (
              <li key={machine.name}>
                <a href={`#${machine.name}`} className="inline-flex min-h-11 items-center rounded-full px-3 ring-1 ring-stone-300 hover:bg-stone-50">
                  {machine.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="text-sm text-stone-600">{t("legend")}</p>
      </div>
      {machines.map((machine) => (
        <section key={machine.name} id={machine.name} aria-labelledby={`${machine.name}-heading`} className="scroll-mt-4 space-y-3">
          <h2 id={`${machine.name}-heading`} className="text-xl font-semibold">
            {machine.title}
          </h2>
          <MachineDiagram id={`machine-${machine.name}`} diagram={machine.diagram} title={t("diagram", { machine: machine.title })} scrollHint={t("scrollHint")} />
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm">
              <caption className="sr-only">{t("moves", { machine: machine.title })}</caption>
              <thead className="border-b border-stone-300 text-stone-600">
                <tr>
                  <th scope="col" className="py-1 pr-2">
                    {t("col.number")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("col.from")}
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    {t("col.to")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("col.commands")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {machine.graph.edges.map((edge, i) => (
                  <tr key={`${edge.from}-${edge.to}`} className="align-top">
                    <td className="py-1.5 pr-2 tabular-nums">{i + 1}</td>
                    <td className="py-1.5 pr-2">{machine.label(edge.from)}</td>
                    <td className="py-1.5 pr-2">{machine.label(edge.to)}</td>
                    <td className="py-1.5">
                      <ul>
                        {edge.commands.map((type) => (
                          <li key={type}>{t("commandBy", { command: render(commandLabel(type as CommandType)), who: who(type) })}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <p className="text-sm text-stone-700">
        {t("stays")} {t("rules")}{" "}
        <Link href="/rules" className="text-brand-700 underline">
          {t("rulesLink")}
        </Link>
      </p>
    </div>
  );
}
