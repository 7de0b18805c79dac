import { describe, expect, it } from "vitest";
import { checkMachineGraph, checkRules, machineGraphs, toMermaid, type MachineGraph } from "@/lib/order";

describe("the rules are sound", () => {
  it("every machine: nothing unknown, nothing unreachable, nothing stuck, every move made by a command, every deadline with its timer", () => {
    expect(checkRules()).toEqual([]);
  });

  it("there are five machines: the order and its four sub-machines", () => {
    expect(machineGraphs().map((graph) => graph.name)).toEqual(["order", "cancel-request", "case", "refund", "dispute"]);
  });

  const broken: MachineGraph = {
    name: "toy",
    title: "Toy",
    initial: "A",
    statuses: ["A", "B", "C", "D"],
    finals: ["D"],
    edges: [
      { from: "A", to: "B", commands: ["GO"] },
      { from: "B", to: "Z", commands: ["JUMP"] },
      { from: "A", to: "D", commands: [] },
    ],
    declaredButMissing: ["SKIP declares A → C"],
  };

  it("catches an unknown target, an unreachable status, a stuck status, a move no command makes, a move the table lacks", () => {
    expect(checkMachineGraph(broken)).toEqual(
      expect.arrayContaining([
        "toy: unknown status Z",
        "toy: C is unreachable",
        "toy: C is not final but has no way out",
        "toy: no command moves A → D",
        "toy: SKIP declares A → C, which its table does not allow",
      ]),
    );
  });
});

describe("diagrams", () => {
  it("draws the order machine as a Mermaid state diagram with the current state highlighted", () => {
    const [order] = machineGraphs();
    const text = toMermaid(order!, "AWAITING_SHIPMENT");
    expect(text.split("\n")[0]).toBe("stateDiagram-v2");
    expect(text).toContain("[*] --> UNPAID");
    expect(text).toContain("UNPAID --> ON_HOLD: PAY");
    expect(text).toContain("AWAITING_SHIPMENT --> AWAITING_COLLECTION: ARRANGE_SHIPMENT");
    expect(text).toContain("class AWAITING_SHIPMENT current");
    expect(text).toContain("CANCELLED --> [*]");
  });

  it("draws a sub-machine from its start, labelled with the commands that move it", () => {
    const dispute = machineGraphs().find((graph) => graph.name === "dispute")!;
    const text = toMermaid(dispute);
    expect(text).toContain("[*] --> OPEN: ESCALATE");
    expect(text).toContain("APPEALED --> APPEAL_OVERTURNED: DECIDE_APPEAL");
    expect(text).not.toContain("classDef current");
  });
});
