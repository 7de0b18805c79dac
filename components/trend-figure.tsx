import { getTranslations } from "next-intl/server";
import { TrendChart } from "./trend-chart";

/**
 * A daily trend: the chart (drawn in the browser, hidden from assistive technology) and the same
 * figures as a table, which is what screen readers and a page without script get.
 */
export async function TrendFigure(props: {
  title: string;
  label: string;
  unit: "%" | "h" | "money" | "count";
  target?: number;
  /** Per day: the charted value (null: nothing to show that day) and the table's cell. */
  days: { day: string; value: number | null; cell: string }[];
}) {
  const t = await getTranslations("figures.trend");
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4">
      <figcaption className="mb-2 font-medium">{props.title}</figcaption>
      <TrendChart label={props.label} unit={props.unit} target={props.target} targetLabel={t("target")} points={props.days.map((d) => ({ day: d.day, value: d.value }))} />
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700">{t("asTable")}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{t("caption", { title: props.title })}</caption>
          <thead>
            <tr className="text-stone-600">
              <th scope="col" className="py-1 font-medium">{t("day")}</th>
              <th scope="col" className="py-1 font-medium">{props.title}</th>
            </tr>
          </thead>
          <tbody>
            {props.days.map((d) => (
              <tr key={d.day} className="border-t border-stone-100">
                <th scope="row" className="py-1 font-normal">{d.day}</th>
                <td className="py-1 tabular-nums">{d.cell}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
