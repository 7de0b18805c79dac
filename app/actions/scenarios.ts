"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { systemClock } from "@/lib/clock";
import { OUT_OF_DATE, readForm } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n } from "@/lib/i18n/server";
import { chooseWorld, chosenWorldId, currentUser, ensureVisitorId, startSession } from "@/lib/server/auth/session";
import { DEMO_WORLD } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { existingRun, startScenario, startScenarioForEveryone } from "@/lib/server/scenarios/start-scenario";
import { createWorld } from "@/lib/server/worlds/create-world";
import { loadWorldView } from "@/lib/server/worlds/world-access";

export type ScenarioFormState = { ok: boolean; message: string } | null;

const startSchema = z.object({
  scenarioId: z.string().regex(/^[a-z0-9-]{3,60}$/),
  /** The form's one-time key (a double-click starts one run). */
  key: z.string().regex(/^[A-Za-z0-9]{16,40}$/),
});

async function say(message: Parameters<Awaited<ReturnType<typeof getI18n>>["render"]>[0]): Promise<string> {
  return (await getI18n()).render(message);
}

/**
 * "Start" (and "Restart"): the scenario's order is made in the current private world — from the demo
 * world, whose clock nobody may move, in a new practice world of this browser's own — and the browser
 * is signed in as the persona who acts first, on that order.
 */
export async function startScenarioAction(_previous: ScenarioFormState, formData: FormData): Promise<ScenarioFormState> {
  const form = readForm(formData);
  const parsed = startSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const visitorId = await ensureVisitorId();
  const realNow = systemClock.now();
  // The same form sent twice lands on the run it already made, whichever world that was made in.
  const again = await existingRun(db, visitorId, parsed.data.scenarioId, parsed.data.key);
  let worldId = again?.worldId ?? (await currentUser())?.worldId ?? (await chosenWorldId());
  const world = await loadWorldView(db, worldId, visitorId);
  if (!world || world.kind !== "PRIVATE") {
    const created = await createWorld(db, { visitorId, name: await say(m("scenarios.practiceWorld")), ownerName: await say(m("scenarios.practiceOwner")), template: "PEOPLE_ONLY" }, realNow);
    if (!created.ok) return { ok: false, message: await say(created.error.message) };
    worldId = created.value.worldId;
  }
  const result = await startScenario(db, { worldId, visitorId, scenarioId: parsed.data.scenarioId, key: parsed.data.key }, realNow);
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  if (worldId !== DEMO_WORLD) await chooseWorld(worldId);
  await startSession(result.value.personaId, visitorId);
  revalidatePath("/", "layout");
  redirect(`/orders/${result.value.orderId}?scenario=started`);
}

const everyoneSchema = startSchema.extend({ worldId: z.string().min(1).max(40) });

/** The trainer's "start this scenario for everyone": each member gets their own run. */
export async function startForEveryoneAction(_previous: ScenarioFormState, formData: FormData): Promise<ScenarioFormState> {
  const form = readForm(formData);
  const parsed = everyoneSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const visitorId = await ensureVisitorId();
  const result = await startScenarioForEveryone(db, { worldId: parsed.data.worldId, visitorId, scenarioId: parsed.data.scenarioId, key: parsed.data.key }, systemClock.now());
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  revalidatePath(`/worlds/${parsed.data.worldId}`);
  return { ok: true, message: await say(m("scenarios.room.startedForEveryone", { count: result.value.runs })) };
}
