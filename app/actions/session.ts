"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readForm } from "@/lib/forms";
import { readPersona } from "@/lib/server/auth/personas";
import { HOME_BY_ROLE, chooseWorld, currentVisitorId, endSession, startSession } from "@/lib/server/auth/session";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { readWorldView } from "@/lib/server/worlds/world-access";

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
  // A private world's personas are for its members only: the persona and its world in one snapshot.
  const visitorId = await currentVisitorId();
  const { persona, world } = readSql((sql) => {
    const found = parsed.success ? readPersona(sql, parsed.data.userId) : null;
    return { persona: found, world: found ? readWorldView(sql, found.worldId, visitorId) : null };
  });
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
