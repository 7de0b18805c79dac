"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { readForm } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n } from "@/lib/i18n/server";
import { CARRIER_CONTROLS } from "@/lib/order";
import { currentUser } from "@/lib/server/auth/session";
import { jumpClock } from "@/lib/server/simulator/jump-clock";
import { simulate } from "@/lib/server/simulator/simulate";

export type SimulatorState = { ok: boolean; message: string } | null;

const jumpSchema = z.discriminatedUnion("by", [
  z.object({ by: z.literal("HOUR") }),
  z.object({ by: z.literal("DAY") }),
  z.object({ by: z.literal("NEXT_DEADLINE") }),
  z.object({ by: z.literal("DEADLINE"), orderId: z.string().min(1).max(100), key: z.string().min(1).max(200) }),
]);

/** Moves the simulator's clock; the timers act on whatever falls due. */
export async function jumpClockAction(_previous: SimulatorState, formData: FormData): Promise<SimulatorState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(m("clock.signInToMove")) };
  const form = readForm(formData);
  const parsed = jumpSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: render(m("clock.outOfDate")) };
  const result = await jumpClock(user, parsed.data);
  if (!result.ok) return { ok: false, message: render(result.error.message) };
  revalidatePath("/", "layout");
  const { applied, label } = result.value;
  return { ok: true, message: render(m("clock.moved", { to: label, applied })) };
}

const simulateSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("HURRY_SIMULATION"), orderId: z.string().min(1).max(100), deadline: z.string().min(1).max(200) }),
  z.object({ type: z.literal("DELAY_REFUND"), orderId: z.string().min(1).max(100), refundKey: z.string().min(1).max(200) }),
  z.object({ type: z.enum(CARRIER_CONTROLS), orderId: z.string().min(1).max(100) }),
]);

/** The simulated carrier or payment network acts now on one order. */
export async function simulateAction(_previous: SimulatorState, formData: FormData): Promise<SimulatorState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(m("clock.signInToSimulate")) };
  const form = readForm(formData);
  const parsed = simulateSchema.safeParse(form.ok ? form.fields : null);
  if (!parsed.success) return { ok: false, message: render(m("clock.outOfDate")) };
  const { orderId, ...command } = parsed.data;
  const result = await simulate(user, orderId, command);
  if (!result.ok) return { ok: false, message: render(result.error.message) };
  revalidatePath("/", "layout");
  return { ok: true, message: render(result.value.summary) };
}
