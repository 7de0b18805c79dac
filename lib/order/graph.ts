/**
 * The machines as graphs: the order and each sub-machine, with the commands that move them. Used
 * to check the rules at start-up and in tests (nothing unknown, unreachable or stuck; every deadline
 * has its timer command) and to draw state diagrams for the "how it works" page.
 */
import { m, type Message } from "../i18n/message";
import { CANCEL_REQUEST_STATUSES, CANCEL_REQUEST_STATUS_LABELS, CANCEL_REQUEST_TRANSITIONS } from "./cancel-request";
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, DISPUTE_TRANSITIONS, FINAL_DISPUTE_STATUSES } from "./dispute";
import { checkTransitionGraph } from "./machine";
import { FINAL_STATUSES, ORDER_STATUSES, STATUS_LABELS } from "./model";
import { REFUND_STATUSES, REFUND_STATUS_LABELS, REFUND_TRANSITIONS } from "./refund";
import { CASE_STATUSES, CASE_STATUS_LABELS, CASE_TRANSITIONS, FINAL_CASE_STATUSES } from "./return-case";
import { TRANSITIONS, type Moves, type Transition } from "./transitions";

export interface MachineGraph {
  name: string;
  title: string;
  initial: string;
  statuses: readonly string[];
  finals: readonly string[];
  edges: { from: string; to: string; commands: string[] }[];
  /** Moves a rule declares that the machine's table does not allow. */
  declaredButMissing?: string[];
}

const rules = () => Object.entries(TRANSITIONS) as [string, Transition][];

function orderGraph(): MachineGraph {
  const edges = new Map<string, { from: string; to: string; commands: string[] }>();
  for (const [type, rule] of rules()) {
    for (const from of rule.from) {
      for (const to of rule.to) {
        const key = `${from}>${to}`;
        const edge = edges.get(key) ?? { from, to, commands: [] };
        edge.commands.push(type);
        edges.set(key, edge);
      }
    }
  }
  return { name: "order", title: "Order", initial: "UNPAID", statuses: ORDER_STATUSES, finals: FINAL_STATUSES, edges: [...edges.values()] };
}

/** A sub-machine's edges come from its own table; each is labelled with the commands whose declared moves include it. */
function subGraph(
  name: string,
  title: string,
  table: Record<string, readonly string[]>,
  statuses: readonly string[],
  finals: readonly string[],
  moves: (rule: Transition) => Moves<string> | undefined,
): MachineGraph {
  const edges = Object.entries(table).flatMap(([from, targets]) =>
    targets.map((to) => ({
      from,
      to,
      commands: rules()
        .filter(([, rule]) => moves(rule)?.from.includes(from) && moves(rule)?.to.includes(to))
        .map(([type]) => type),
    })),
  );
  // A rule that declares a move its machine's table does not have is a mistake in the rules.
  const declaredButMissing = rules().flatMap(([type, rule]) => {
    const declared = moves(rule);
    if (!declared) return [];
    return declared.from.flatMap((from) => declared.to.filter((to) => !table[from]?.includes(to)).map((to) => `${type} declares ${from} → ${to}`));
  });
  return { name, title, initial: "NONE", statuses: ["NONE", ...statuses], finals, edges, declaredButMissing };
}

export const MACHINE_NAMES = ["order", "cancel-request", "case", "refund", "dispute"] as const;
export type MachineName = (typeof MACHINE_NAMES)[number];

/** Each machine's name and what it is for, as the "how it works" page says them. */
export const MACHINE_TITLES: Record<MachineName, Message> = {
  order: m("engine.machine.title.order"),
  "cancel-request": m("engine.machine.title.cancelRequest"),
  case: m("engine.machine.title.case"),
  refund: m("engine.machine.title.refund"),
  dispute: m("engine.machine.title.dispute"),
};

const SUB_MACHINE_LABELS: Record<Exclude<MachineName, "order">, Record<string, Message>> = {
  "cancel-request": CANCEL_REQUEST_STATUS_LABELS,
  case: CASE_STATUS_LABELS,
  refund: REFUND_STATUS_LABELS,
  dispute: DISPUTE_STATUS_LABELS,
};

/** A status of a machine as people read it; a sub-machine's NONE is "not yet" (nothing of it exists). */
export function machineStatusLabel(machine: MachineName, status: string): Message {
  if (machine === "order") return STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? m("engine.empty");
  if (status === "NONE") return m("engine.machine.none");
  return SUB_MACHINE_LABELS[machine][status] ?? m("engine.empty");
}

export function machineGraphs(): MachineGraph[] {
  return [
    orderGraph(),
    subGraph("cancel-request", "Cancel request", CANCEL_REQUEST_TRANSITIONS, CANCEL_REQUEST_STATUSES, ["APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"], (rule) => rule.request),
    subGraph("case", "Refund / return case", CASE_TRANSITIONS, CASE_STATUSES, FINAL_CASE_STATUSES, (rule) => rule.cases),
    // A refund is created by any rule that refunds; its later moves by the refund and dispute rules.
    subGraph("refund", "Refund", REFUND_TRANSITIONS, REFUND_STATUSES, ["ARRIVED", "REISSUED"], (rule) => rule.refunds),
    subGraph("dispute", "Dispute and appeal", DISPUTE_TRANSITIONS, DISPUTE_STATUSES, FINAL_DISPUTE_STATUSES, (rule) => rule.disputes),
  ];
}

/** What is wrong with one graph: unknown statuses, unreachable ones, non-final ones with no way out, moves no command makes. */
export function checkMachineGraph(graph: MachineGraph, creators: readonly string[] = []): string[] {
  const problems: string[] = (graph.declaredButMissing ?? []).map((move) => `${graph.name}: ${move}, which its table does not allow`);
  const known = new Set(graph.statuses);
  for (const edge of graph.edges) {
    for (const end of [edge.from, edge.to]) if (!known.has(end)) problems.push(`${graph.name}: unknown status ${end}`);
    // Moves out of NONE may be made by a rule that creates the thing (a refund is created by any rule that refunds).
    if (edge.commands.length === 0 && !(edge.from === graph.initial && creators.length > 0)) problems.push(`${graph.name}: no command moves ${edge.from} → ${edge.to}`);
  }
  const reached = new Set([graph.initial]);
  const queue = [graph.initial];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const edge of graph.edges) {
      if (edge.from !== from || reached.has(edge.to)) continue;
      reached.add(edge.to);
      queue.push(edge.to);
    }
  }
  for (const status of graph.statuses) {
    if (!reached.has(status)) problems.push(`${graph.name}: ${status} is unreachable`);
    if (!graph.finals.includes(status) && !graph.edges.some((edge) => edge.from === status)) problems.push(`${graph.name}: ${status} is not final but has no way out`);
  }
  return problems;
}

/** Every check at once: the transitions table, its deadlines, and every machine's graph. Empty when the rules are sound. */
export function checkRules(): string[] {
  // Refunds are created by the rules that refund (a cancellation, a refunded case, a wallet remedy).
  const refundCreators = rules()
    .filter(([, rule]) => rule.cases?.to.includes("REFUNDED") || rule.to.includes("CANCELLED") || rule.refunds?.to.includes("REISSUED"))
    .map(([type]) => type);
  return [...checkTransitionGraph(), ...machineGraphs().flatMap((graph) => checkMachineGraph(graph, graph.name === "refund" ? refundCreators : []))];
}

/** A Mermaid state diagram of a machine, with `current` highlighted. */
export function toMermaid(graph: MachineGraph, current?: string): string {
  const id = (status: string) => (status === "NONE" ? "[*]" : status);
  const lines = ["stateDiagram-v2"];
  if (graph.initial !== "NONE") lines.push(`  [*] --> ${graph.initial}`);
  for (const edge of graph.edges) lines.push(`  ${id(edge.from)} --> ${id(edge.to)}${edge.commands.length ? `: ${edge.commands.join(", ")}` : ""}`);
  for (const status of graph.finals) lines.push(`  ${status} --> [*]`);
  if (current && current !== "NONE") lines.push("  classDef current fill:#fde68a,stroke:#b45309,stroke-width:2px", `  class ${current} current`);
  return lines.join("\n");
}
