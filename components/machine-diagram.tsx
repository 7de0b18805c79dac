import type { Diagram } from "@/lib/diagram/layout";

/**
 * A state machine drawn as plain SVG from its layout (lib/diagram/layout.ts): boxes for the states
 * (a thick border where it starts, a double one where it ends, filled where the order is now), arrows
 * numbered by the rows of the moves table that follows it. The drawing is an image with a name; the
 * table is what a screen reader reads.
 */
export function MachineDiagram({ id, diagram, title, current = [], scrollHint }: { id: string; diagram: Diagram; title: string; current?: readonly string[]; scrollHint?: string }) {
  const marker = `${id}-arrow`;
  const at = (p: { x: number; y: number }) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
  const path = (points: { x: number; y: number }[], loop?: boolean) =>
    loop ? `M${at(points[0]!)} C${at(points[1]!)} ${at(points[2]!)} ${at(points[3]!)}` : points.map((p, i) => `${i === 0 ? "M" : "L"}${at(p)}`).join(" ");
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white p-2" tabIndex={diagram.width > 360 ? 0 : undefined} aria-label={diagram.width > 360 ? scrollHint : undefined} role={diagram.width > 360 ? "group" : undefined}>
      <svg role="img" aria-labelledby={`${id}-title`} width={diagram.width} height={diagram.height} viewBox={`0 0 ${diagram.width} ${diagram.height}`} className="mx-auto block max-w-none text-stone-800">
        <title id={`${id}-title`}>{title}</title>
        <defs>
          <marker id={marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="fill-stone-500" />
          </marker>
        </defs>
        {diagram.edges.map((edge) => (
          <g key={edge.number}>
            <path d={path(edge.points, edge.loop)} fill="none" className="stroke-stone-500" strokeWidth="1.4" markerEnd={`url(#${marker})`} />
            <circle cx={edge.label.x} cy={edge.label.y} r="9" className="fill-white stroke-stone-400" />
            <text x={edge.label.x} y={edge.label.y} textAnchor="middle" dominantBaseline="central" fontSize="11" className="fill-stone-700">
              {edge.number}
            </text>
          </g>
        ))}
        {diagram.nodes.map((node) => {
          const here = current.includes(node.id);
          const x = node.x - node.width / 2;
          const y = node.y - node.height / 2;
          return (
            <g key={node.id} data-state={node.id} data-current={here ? "true" : undefined}>
              <rect x={x} y={y} width={node.width} height={node.height} rx="8" className={here ? "fill-brand-100 stroke-brand-700" : "fill-white stroke-stone-500"} strokeWidth={node.initial || here ? 2.5 : 1.2} />
              {node.final ? <rect x={x + 3} y={y + 3} width={node.width - 6} height={node.height - 6} rx="6" fill="none" className={here ? "stroke-brand-700" : "stroke-stone-500"} strokeWidth="1" /> : null}
              <text x={node.x} y={node.y - ((node.lines.length - 1) * 16) / 2} textAnchor="middle" dominantBaseline="central" fontSize="13" fontWeight={here ? 700 : 400} className={here ? "fill-brand-900" : "fill-stone-900"}>
                {node.lines.map((line, i) => (
                  <tspan key={i} x={node.x} dy={i === 0 ? 0 : 16}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
