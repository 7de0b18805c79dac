"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { appNow } from "@/lib/server/app-clock";
import { findPersona } from "@/lib/server/auth/personas";
import { HOME_BY_ROLE, endSession, startSession } from "@/lib/server/auth/session";

const signInSchema = z.object({ userId: z.string().trim().min(1).max(100) });

export async function signIn(formData: FormData): Promise<void> {
  const parsed = signInSchema.safeParse({ userId: formData.get("userId") });
  const persona = parsed.success ? await findPersona(parsed.data.userId) : null;
  if (!persona) redirect("/?signin=unknown");
  await startSession(persona.id, (await appNow()).getTime());
  redirect(HOME_BY_ROLE[persona.role]);
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/");
}
