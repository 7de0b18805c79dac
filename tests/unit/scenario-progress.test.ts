/** A run's progress in real time (issue 30): a world's clock jumps, a trainer's minutes do not. */
import { describe, expect, it } from "vitest";
import { realTimeOf, runProgress } from "@/lib/scenarios/progress";
import { checklist, parseScenario, type Scenario } from "@/lib/scenarios/scenarios";

const T = Date.parse("2026-12-05T10:00:00Z");
const at = (minutes: number) => new Date(T + minutes * 60_000);
const DAY = 24 * 60;

const parsed = parseScenario({
  id: "two-steps",
  title: { en: "t", "zh-Hant": "t" },
  summary: { en: "s", "zh-Hant": "s" },
  order: { buyer: "buyer-ben", shop: "shop-maple", items: [["p-maple-1", 1]], paymentMethod: "PAYPAL", status: "AWAITING_SHIPMENT", placedMinutesAgo: 120 },
  steps: [
    { who: "BUYER", command: "REQUEST_CANCEL", rule: "WINDOW-3", text: { en: "ask", "zh-Hant": "ask" } },
    { who: "SYSTEM", command: "CANCEL_REQUEST_TIMEOUT", rule: "REQ-1", text: { en: "wait", "zh-Hant": "wait" } },
  ],
});
if (!parsed.ok) throw new Error(parsed.problems.join());
const scenario: Scenario = parsed.scenario;

describe("real time of a world's moment", () => {
  it("takes away the jumps made before it, and none made after", () => {
    const jump = { fromAt: at(5), toAt: at(5 + DAY) };
    expect(realTimeOf(at(3), [jump])).toEqual(at(3));
    expect(realTimeOf(at(5 + DAY), [jump])).toEqual(at(5));
    expect(realTimeOf(at(7 + DAY), [jump, { fromAt: at(8 + DAY), toAt: at(8 + 2 * DAY) }])).toEqual(at(7));
  });
});

describe("a run's progress", () => {
  it("ticks steps in order, each with its real minutes, and says when it finished", () => {
    const jump = { fromAt: at(4), toAt: at(4 + DAY) };
    const progress = runProgress(scenario, [{ command: "PAY", at: at(-100) }, { command: "REQUEST_CANCEL", at: at(3) }, { command: "CANCEL_REQUEST_TIMEOUT", at: at(4 + DAY) }], at(0), [jump]);
    expect(progress.steps.map((step) => step.tookMs)).toEqual([3 * 60_000, 60_000]);
    expect(progress).toMatchObject({ next: null, doneCount: 2, finishedAt: at(4) });
  });

  it("a step is not done by its command before the steps ahead of it", () => {
    expect(checklist(scenario, ["CANCEL_REQUEST_TIMEOUT", "REQUEST_CANCEL"])).toEqual({ done: [true, false], next: 1 });
    expect(runProgress(scenario, [], at(0), [])).toMatchObject({ next: 0, doneCount: 0, finishedAt: null });
  });
});
