/**
 * Lays a state machine out for drawing (issue 30): boxes for the statuses, arrows for the moves, each
 * arrow numbered by the row of the moves table under the diagram that says which commands make it.
 * The layout is @dagrejs/dagre's layered graph layout (docs/decisions/023), computed on the server,
 * so the page is plain SVG: readable without JavaScript and under the Content-Security-Policy as it is.
 * Pure: labels come in already translated; nothing here reads a clock or a database.
 */
import dagre from "@dagrejs/dagre";

export interface MachineShape {
  initial: string;
  statuses: readonly string[];
  finals: readonly string[];
  edges: readonly { from: string; to: string }[];
}

export interface DiagramNode {
  id: string;
  label: string;
  /** The label in lines no wider than a box should be. */
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  final: boolean;
}

export interface DiagramEdge {
  /** 1-based: the row of the moves table this arrow stands for. */
  number: number;
  from: string;
  to: string;
  points: { x: number; y: number }[];
  label: { x: number; y: number };
  /** A move that stays in its state, drawn as a loop on the box's right side (points: start, two controls, end). */
  loop?: true;
}

export interface Diagram {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const FONT_PX = 13;
const LINE_PX = 16;
const PADDING_Y = 10;
const EDGE_LABEL = 20;
/** A box wider than this wraps its label. */
const MAX_LINE_PX = 170;

/** About how wide a label is drawn: CJK characters are about a full em, others a little over half. */
export function textWidth(text: string, fontPx = FONT_PX): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? fontPx : fontPx * 0.6;
  return Math.ceil(width);
}

/** A label in lines of at most MAX_LINE_PX: at spaces for words, anywhere between CJK characters. */
export function wrapLabel(text: string, maxPx = MAX_LINE_PX): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (line && textWidth((line + token).trimEnd()) > maxPx) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [text];
}

/**
 * Layouts already made, by machine and labels (a machine's drawing depends on nothing else): the order
 * page draws its machines on every request, and dagre's layout was a quarter of that page's time
 * (issue 32, measured with --cpu-prof). Machines × languages: a few dozen entries.
 */
const layouts = new Map<string, Diagram>();
const MAX_LAYOUTS = 500;

/** Where each status and each move goes; edges keep the order they are given in (their numbers). */
export function layoutMachine(machine: MachineShape, labelOf: (status: string) => string): Diagram {
  const key = JSON.stringify([machine.initial, machine.finals, machine.statuses.map((status) => [status, labelOf(status)]), machine.edges.map((edge) => [edge.from, edge.to])]);
  const known = layouts.get(key);
  if (known) return known;
  const made = drawMachine(machine, labelOf);
  if (layouts.size >= MAX_LAYOUTS) layouts.clear();
  layouts.set(key, made);
  return made;
}

function drawMachine(machine: MachineShape, labelOf: (status: string) => string): Diagram {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 46, edgesep: 12, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  const lines = new Map(machine.statuses.map((status) => [status, wrapLabel(labelOf(status))]));
  for (const status of machine.statuses) {
    const wrapped = lines.get(status)!;
    graph.setNode(status, { width: Math.max(72, ...wrapped.map((line) => textWidth(line))) + 24, height: wrapped.length * LINE_PX + 2 * PADDING_Y });
  }
  // A move that stays in its state is drawn as a loop beside its box, not laid out by dagre.
  machine.edges.forEach((edge, i) => {
    if (edge.from !== edge.to) graph.setEdge(edge.from, edge.to, { width: EDGE_LABEL, height: EDGE_LABEL, labelpos: "c" }, String(i + 1));
  });
  dagre.layout(graph);
  const size = graph.graph();
  let width = Math.ceil(size.width ?? 0);
  const nodes: DiagramNode[] = machine.statuses.map((status) => {
    const node = graph.node(status);
    return { id: status, label: labelOf(status), lines: lines.get(status)!, x: node.x, y: node.y, width: node.width, height: node.height, initial: status === machine.initial, final: machine.finals.includes(status) };
  });
  const edges: DiagramEdge[] = machine.edges.map((edge, i) => {
    if (edge.from === edge.to) {
      const node = nodes.find((n) => n.id === edge.from)!;
      const right = node.x + node.width / 2;
      width = Math.max(width, Math.ceil(right + 52));
      return {
        number: i + 1,
        from: edge.from,
        to: edge.to,
        points: [
          { x: right, y: node.y - 7 },
          { x: right + 34, y: node.y - 22 },
          { x: right + 34, y: node.y + 22 },
          { x: right, y: node.y + 7 },
        ],
        label: { x: right + 38, y: node.y },
        loop: true,
      };
    }
    const laid = graph.edge({ v: edge.from, w: edge.to, name: String(i + 1) });
    return { number: i + 1, from: edge.from, to: edge.to, points: (laid.points as { x: number; y: number }[]).map((p) => ({ x: p.x, y: p.y })), label: { x: laid.x ?? laid.points[0]!.x, y: laid.y ?? laid.points[0]!.y } };
  });
  return { width, height: Math.ceil(size.height ?? 0), nodes, edges };
}
