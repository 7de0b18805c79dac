/**
 * The "how it works" drawings (issue 30): each machine the engine declares, laid out for drawing,
 * has every status as a box and every move as a numbered arrow (a move that stays put as a loop), in
 * every language, inside its canvas; labels wrap to fit a box, Chinese between characters.
 */
import { describe, expect, it } from "vitest";
import { layoutMachine, textWidth, wrapLabel } from "@/lib/diagram/layout";
import { LOCALES } from "@/lib/i18n/locales";
import { i18nFor } from "@/lib/i18n/translator";
import { MACHINE_NAMES, MACHINE_TITLES, machineGraphs, machineStatusLabel, type MachineName } from "@/lib/order";

describe("machine diagrams", () => {
  it("there is a drawing for each machine the engine declares, and for nothing else", () => {
    expect(machineGraphs().map((graph) => graph.name)).toEqual([...MACHINE_NAMES]);
  });

  for (const locale of LOCALES) {
    it(`in ${locale}: every status is a box with its own label, every move an arrow numbered by its row, all inside the canvas`, () => {
      const { render } = i18nFor(locale);
      for (const graph of machineGraphs()) {
        const name = graph.name as MachineName;
        expect(render(MACHINE_TITLES[name])).not.toBe("");
        const label = (status: string) => render(machineStatusLabel(name, status));
        const diagram = layoutMachine(graph, label);
        expect(diagram.nodes.map((node) => node.id).sort()).toEqual([...graph.statuses].sort());
        for (const node of diagram.nodes) {
          expect(node.label, `${graph.name} ${node.id}`).not.toBe("");
          expect(node.lines.join(locale === "en" ? " " : "").replace(/\s+/g, "")).toBe(node.label.replace(/\s+/g, ""));
          expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
          expect(node.x + node.width / 2).toBeLessThanOrEqual(diagram.width);
          expect(node.y + node.height / 2).toBeLessThanOrEqual(diagram.height);
        }
        // Labels differ within a machine: a reader can tell every box apart.
        expect(new Set(diagram.nodes.map((node) => node.label)).size).toBe(diagram.nodes.length);
        expect(diagram.edges.map((edge) => [edge.number, edge.from, edge.to])).toEqual(graph.edges.map((edge, i) => [i + 1, edge.from, edge.to]));
        for (const edge of diagram.edges) {
          expect(edge.points.length, `${graph.name} arrow ${edge.number}`).toBeGreaterThanOrEqual(2);
          for (const point of [...edge.points, edge.label]) {
            expect(point.x).toBeGreaterThanOrEqual(0);
            expect(point.x).toBeLessThanOrEqual(diagram.width);
          }
          expect(edge.loop === true).toBe(edge.from === edge.to);
        }
      }
    });
  }

  it("a move that stays in its state is a loop beside its box (the order's completed order stays completed)", () => {
    const order = machineGraphs().find((graph) => graph.name === "order")!;
    const diagram = layoutMachine(order, (status) => status);
    const loops = diagram.edges.filter((edge) => edge.loop);
    expect(loops.map((edge) => edge.from)).toEqual(order.edges.filter((edge) => edge.from === edge.to).map((edge) => edge.from));
    for (const loop of loops) {
      const box = diagram.nodes.find((node) => node.id === loop.from)!;
      expect(loop.points[0]!.x).toBe(box.x + box.width / 2);
    }
  });

  it("a long label wraps at spaces, a Chinese one between characters, each line within a box", () => {
    expect(wrapLabel("Parcel back with the seller, waiting for inspection")).toEqual(["Parcel back with the", "seller, waiting for", "inspection"]);
    const chinese = wrapLabel("退貨包裹已送回賣家，等待賣家驗收退回的商品");
    expect(chinese.join("")).toBe("退貨包裹已送回賣家，等待賣家驗收退回的商品");
    expect(chinese.length).toBeGreaterThan(1);
    for (const line of chinese) expect(textWidth(line)).toBeLessThanOrEqual(170);
    expect(wrapLabel("Delivered")).toEqual(["Delivered"]);
  });

  it("lays a machine out once per set of labels: the order page draws the same layout again without dagre, and another language's labels get their own", () => {
    const order = machineGraphs().find((graph) => graph.name === "order")!;
    const english = layoutMachine(order, (status) => `${status} in English`);
    expect(layoutMachine(order, (status) => `${status} in English`)).toBe(english);
    const longer = layoutMachine(order, (status) => `${status} in a much longer language that wraps onto more lines`);
    expect(longer).not.toBe(english);
    expect(longer.height).toBeGreaterThan(english.height);
  });
});

