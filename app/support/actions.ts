"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, readForm } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
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
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user || user.role !== "SUPPORT") return { ok: false, message: render(m("support.templates.signIn")) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  const parsed = schema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE), values: form.fields };
  const { intent, id, title, body } = parsed.data;
  if (intent === "delete") {
    if (!id) return { ok: false, message: render(OUT_OF_DATE) };
    const result = await deleteTemplate(user, id);
    if (!result.ok) return { ok: false, message: render(result.error.message) };
    revalidatePath("/support/templates");
    return { ok: true, message: render(m("support.templates.deleted")) };
  }
  const result = await saveTemplate(user, { id, title, body }, await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), values: { title, body } };
  revalidatePath("/support/templates");
  return { ok: true, message: render(m(id ? "support.templates.saved" : "support.templates.added")) };
}
