"use client";

import { useSyncExternalStore } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendPoint {
  day: string;
  value: number | null;
}

const subscribe = () => () => {};

/**
 * A daily trend drawn with Recharts (docs/decisions/016). It is drawn in the browser only: the chart
 * sets its sizes as inline styles, which the page's style policy allows from script but not in the
 * server's HTML. The same figures are always in the table next to it, which is what screen readers
 * and a page without script get; the chart itself is hidden from assistive technology.
 */
export function TrendChart(props: { points: TrendPoint[]; unit: "%" | "h" | "money" | "count"; currency?: string; target?: number; label: string; /** The target line's name, in the viewer's language. */ targetLabel?: string }) {
  const drawn = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const format = (value: number) => (props.unit === "%" ? `${Math.round(value * 1000) / 10}%` : props.unit === "h" ? `${value} h` : props.unit === "count" ? String(value) : `${Math.round(value / 100)}`);
  // A rate's axis starts at 0 and always shows its target; nothing is drawn above 100%.
  const domain: [number, (max: number) => number] = [0, (max) => (props.unit === "%" ? Math.min(1, Math.max(max, (props.target ?? 0) * 2)) : Math.max(max, 1))];
  return (
    <div aria-hidden="true" className="h-44 w-full" data-chart={props.label}>
      {drawn ? (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={props.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} tick={{ fontSize: 11, fill: "#57534e" }} minTickGap={16} />
            <YAxis domain={domain} tickFormatter={format} tick={{ fontSize: 11, fill: "#57534e" }} width={48} allowDecimals={props.unit === "%" || props.unit === "h"} />
            <Tooltip formatter={(value) => (typeof value === "number" ? (props.unit === "money" ? (value / 100).toFixed(2) : format(value)) : "—")} labelFormatter={(day) => String(day)} />
            {props.target !== undefined ? <ReferenceLine y={props.target} stroke="#b45309" strokeDasharray="4 4" label={{ value: props.targetLabel ?? "target", fontSize: 11, fill: "#b45309", position: "insideTopRight" }} /> : null}
            <Line type="linear" dataKey="value" stroke="#1f7a55" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
