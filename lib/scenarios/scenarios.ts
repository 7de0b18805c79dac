/**
 * Guided scenarios (issue 30): each is a data file in lib/scenarios/catalogue/ — the order it starts
 * from (a buyer, a shop, items, how it was paid and the status it has reached) and the steps people
 * play, each a command of the engine by a role, with the rule behind it. Adding a scenario is adding a
 * file; a file naming a command, status, role or rule the engine does not know is refused when read
 * (and by a test). The checklist ticks itself from the order's events: a step is done when, after the
 * steps before it, an event records its command.
 */
import { z } from "zod";
import { worldScopedId } from "../worlds";
import { runProgress } from "./progress";
import { COMMAND_TYPES, ORDER_STATUSES, PAYMENT_METHODS, RULE_INDEX, type CommandType } from "@/lib/order";

const text = z.object({ en: z.string().min(1), "zh-Hant": z.string().min(1) }).strict();

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,60}$/),
    /** The seed article's case this plays, when it is one. */
    seedCase: z.number().int().min(1).optional(),
    title: text,
    summary: text,
    order: z
      .object({
        buyer: z.string().min(1),
        shop: z.string().min(1),
        items: z.array(z.tuple([z.string().min(1), z.number().int().min(1).max(10)])).min(1),
        paymentMethod: z.enum(PAYMENT_METHODS),
        status: z.enum(ORDER_STATUSES),
        placedMinutesAgo: z.number().int().min(0).max(60 * 24 * 90),
      })
      .strict(),
    steps: z
      .array(
        z
          .object({
            who: z.enum(["BUYER", "SELLER", "SUPPORT", "SYSTEM"]),
            /** The seed persona who plays it, when not the order's buyer, its shop's seller or the first support agent (an appeal needs another agent). */
            as: z.string().min(1).optional(),
            command: z.enum(COMMAND_TYPES as unknown as [CommandType, ...CommandType[]]),
            rule: z.string().refine((id) => RULE_INDEX.some((rule) => rule.id === id), { error: "unknown rule" }),
            text,
            /** What a person would fill in (a reason, a statement): the command's other fields, used by the tests that play the file. */
            example: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;

/** A scenario read from its file, or why it cannot be. */
export function parseScenario(json: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  return { ok: true, scenario: parsed.data };
}

/** The first support agent of every world (the seed's). */
export const SCENARIO_SUPPORT = "support-sam";

/** Who plays a step, as a seed persona id: the order's buyer, "SHOP_SELLER" (its shop's seller), a support agent, or null for a timer. */
export function scenarioPersona(scenario: Scenario, step: Scenario["steps"][number]): string | null {
  if (step.as) return step.as;
  switch (step.who) {
    case "BUYER":
      return scenario.order.buyer;
    case "SELLER":
      return "SHOP_SELLER";
    case "SUPPORT":
      return SCENARIO_SUPPORT;
    default:
      return null;
  }
}

/** The persona (of a world's personas) who plays each step; null for the platform's steps, or a persona the world lacks. */
export function stepPersonas<P extends { id: string; role: string; shopId: string | null }>(scenario: Scenario, worldId: string, personas: readonly P[]): (P | null)[] {
  return scenario.steps.map((step) => {
    const seedId = scenarioPersona(scenario, step);
    if (seedId === null) return null;
    if (seedId === "SHOP_SELLER") return personas.find((p) => p.role === "SELLER" && p.shopId === worldScopedId(worldId, scenario.order.shop)) ?? null;
    return personas.find((p) => p.id === worldScopedId(worldId, seedId)) ?? null;
  });
}

/** How far a scenario's order has come: each step done when an event records its command after the steps before it (times: lib/scenarios/progress.ts). */
export function checklist(scenario: Scenario, commandsDone: readonly string[]): { done: boolean[]; next: number | null } {
  const progress = runProgress(scenario, commandsDone.map((command) => ({ command, at: EPOCH })), EPOCH, []);
  return { done: progress.steps.map((step) => step.done), next: progress.next };
}

const EPOCH = new Date(0);
