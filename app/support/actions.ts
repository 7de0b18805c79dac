"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, readForm } from "@/lib/forms";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { deleteTemplate, saveTemplate } from "@/lib/server/support/templates";

export type TemplateState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> } | null;

const templateId = z.string().trim().regex(/^[A-Za-z0-9_:-]{1,100}$/);
const schema = z.object({
  intent: z.enum(["save", "delete"]),
  id: templateId.optional().or(z.literal("").transform(() => undefined)),
  title: z.string().max(1000).optional().default(""),
  body: z.string().max(10_000).optional().default(""),
});

/** Adds, changes or deletes one of the team's rationale templates (the service checks the fields and who may). */
export async function templateAction(_previous: TemplateState, formData: FormData): Promise<TemplateState> {
  const user = await currentUser();
  if (!user || user.role !== "SUPPORT") return { ok: false, message: "Sign in as platform support to edit templates." };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: form.message };
  const parsed = schema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: OUT_OF_DATE, values: form.fields };
  const { intent, id, title, body } = parsed.data;
  if (intent === "delete") {
    if (!id) return { ok: false, message: OUT_OF_DATE };
    const result = await deleteTemplate(user, id);
    if (!result.ok) return { ok: false, message: result.error.message };
    revalidatePath("/support/templates");
    return { ok: true, message: "Deleted." };
  }
  const result = await saveTemplate(user, { id, title, body }, await appNow());
  if (!result.ok) return { ok: false, message: result.error.message, fieldErrors: result.error.fieldErrors, values: { title, body } };
  revalidatePath("/support/templates");
  return { ok: true, message: id ? "Saved. Decision forms offer the new text from now on." : "Added. Decision forms offer it from now on." };
}
