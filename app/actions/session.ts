"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readForm } from "@/lib/forms";
import { findPersona } from "@/lib/server/auth/personas";
import { HOME_BY_ROLE, chooseWorld, currentVisitorId, endSession, startSession } from "@/lib/server/auth/session";
import { readDb } from "@/lib/server/db";
import { loadWorldView } from "@/lib/server/worlds/world-access";

const signInSchema = z.object({
  userId: z.string().trim().min(1).max(100),
  /** "View as …" on an order page lands on the same order (only an order's path; anything else goes home). */
  next: z
    .string()
    .regex(/^\/orders\/[A-Za-z0-9_-]{1,100}$/)
    .optional()
    .catch(undefined),
});

export async function signIn(formData: FormData): Promise<void> {
  const form = readForm(formData);
  const parsed = signInSchema.safeParse(form.ok ? form.fields : null);
  const persona = parsed.success ? await findPersona(parsed.data.userId) : null;
  // A private world's personas are for its members only.
  const visitorId = await currentVisitorId();
  const world = persona ? await loadWorldView(readDb, persona.worldId, visitorId) : null;
  if (!persona || !world) redirect("/?signin=unknown");
  await chooseWorld(world.id);
  // The browser is remembered with the session: a trainer's room shows which persona each member plays.
  await startSession(persona.id, visitorId);
  redirect(parsed.data?.next ?? HOME_BY_ROLE[persona.role]);
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/");
}
