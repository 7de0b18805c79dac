"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { systemClock } from "@/lib/clock";
import { OUT_OF_DATE, formMessage, readForm, visibleText, zodMessage } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n } from "@/lib/i18n/server";
import { chooseWorld, currentVisitorId, endSession, ensureVisitorId } from "@/lib/server/auth/session";
import { DEMO_WORLD } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { createWorld } from "@/lib/server/worlds/create-world";
import { joinWorld } from "@/lib/server/worlds/join-world";
import { deleteOwnWorld, removeMember, replaceShareLink, resetOwnWorld, setMemberRole } from "@/lib/server/worlds/manage-world";
import { loadWorldView } from "@/lib/server/worlds/world-access";

export type WorldFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null;

/** A name people read (lib/forms.ts visibleText: invisible characters removed, something visible left). */
const displayName = (what: "world" | "name", max: number) => visibleText({ required: zodMessage("worlds.form.required", { what }), tooLong: zodMessage("worlds.form.tooLong", { what, max: max + 1 }) }, max);

const createSchema = z.object({
  name: displayName("world", 60),
  ownerName: displayName("name", 40),
  template: z.enum(["DEMO_COPY", "PEOPLE_ONLY"], { error: zodMessage("worlds.form.template") }),
});

async function fieldErrorsOf(error: z.ZodError): Promise<Record<string, string>> {
  const { render } = await getI18n();
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= render(formMessage(issue.message));
  return errors;
}

/** A refusal or a notice in the viewer's language. */
async function say(message: Parameters<Awaited<ReturnType<typeof getI18n>>["render"]>[0]): Promise<string> {
  return (await getI18n()).render(message);
}

/** The form's fields (lib/forms.ts readForm), or null for anything that is not one form with each field once. */
function formFields(formData: unknown): Record<string, string> | null {
  const form = readForm(formData);
  return form.ok ? form.fields : null;
}

/** Into another world: out of the current persona (theirs is another world's), the world chosen, every page fresh, then `to`. */
async function enterWorld(worldId: string, to: string): Promise<never> {
  await endSession();
  await chooseWorld(worldId);
  revalidatePath("/", "layout");
  redirect(to);
}

/** Creates a private world owned by this browser, and goes to its page (share link, members, clock). */
export async function createWorldAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const values = formFields(formData);
  if (!values) return { ok: false, message: await say(OUT_OF_DATE) };
  const parsed = createSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: await say(m("errors.checkFields")), fieldErrors: await fieldErrorsOf(parsed.error), values };
  const visitorId = await ensureVisitorId();
  const result = await createWorld(db, { visitorId, ...parsed.data }, systemClock.now());
  if (!result.ok) return { ok: false, message: await say(result.error.message), values };
  return enterWorld(result.value.worldId, `/worlds/${result.value.worldId}?created=1`);
}

const joinSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, zodMessage("worlds.form.linkIncomplete")), name: displayName("name", 40) });

/** Joins the world a share link leads to; its personas are then on the persona page. */
export async function joinWorldAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const values = formFields(formData);
  if (!values) return { ok: false, message: await say(OUT_OF_DATE) };
  const parsed = joinSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: await say(m("errors.checkFields")), fieldErrors: await fieldErrorsOf(parsed.error), values };
  const visitorId = await ensureVisitorId();
  const result = await joinWorld(db, { visitorId, ...parsed.data }, systemClock.now());
  if (!result.ok) return { ok: false, message: await say(result.error.message), values };
  return enterWorld(result.value.worldId, "/?joined=1");
}

const switchSchema = z.object({ worldId: z.string().min(1).max(40) });

/** Goes to another world this browser belongs to (or back to the demo world): signs out of the current persona. */
export async function switchWorldAction(formData: FormData): Promise<void> {
  const parsed = switchSchema.safeParse(formFields(formData));
  const worldId = parsed.success ? parsed.data.worldId : DEMO_WORLD;
  const world = await loadWorldView(db, worldId, await currentVisitorId());
  await enterWorld(world ? world.id : DEMO_WORLD, "/");
}

const roleSchema = z.object({ worldId: z.string().min(1).max(40), memberId: z.string().min(1).max(80), role: z.enum(["FACILITATOR", "MEMBER"]) });

/** The owner makes a member a facilitator, or back to a member. */
export async function setMemberRoleAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const parsed = roleSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const result = await setMemberRole(db, { ...parsed.data, visitorId: await currentVisitorId() });
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  revalidatePath(`/worlds/${parsed.data.worldId}`);
  return { ok: true, message: await say(m(parsed.data.role === "FACILITATOR" ? "worlds.form.nowFacilitator" : "worlds.form.nowMember", { name: result.value.name })) };
}

const memberSchema = z.object({ worldId: z.string().min(1).max(40), memberId: z.string().min(1).max(80) });

/** The owner removes a member from the world. */
export async function removeMemberAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const parsed = memberSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const result = await removeMember(db, { ...parsed.data, visitorId: await currentVisitorId() });
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  revalidatePath(`/worlds/${parsed.data.worldId}`);
  // The member's row (and this form with it) is gone from the page: the page says what happened.
  redirect(`/worlds/${parsed.data.worldId}?removed=${encodeURIComponent(result.value.name)}`);
}

const linkSchema = z.object({ worldId: z.string().min(1).max(40) });

/** The owner replaces the share link; the old one stops working. */
export async function replaceShareLinkAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const parsed = linkSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const result = await replaceShareLink(db, { worldId: parsed.data.worldId, visitorId: await currentVisitorId() });
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  revalidatePath(`/worlds/${parsed.data.worldId}`);
  // The page says so next to the new link (and forgets an earlier notice in its address).
  redirect(`/worlds/${parsed.data.worldId}?replaced=1`);
}

const worldSchema = z.object({ worldId: z.string().min(1).max(40), confirm: z.literal("yes") });

/** Rebuilds this world from its template and puts its clock back to real time (owner and facilitators only). */
export async function resetWorldAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const parsed = worldSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const result = await resetOwnWorld(db, { worldId: parsed.data.worldId, visitorId: await currentVisitorId() }, systemClock.now());
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  revalidatePath("/", "layout");
  redirect("/?reset=1");
}

/** The owner deletes the world now. */
export async function deleteWorldAction(_previous: WorldFormState, formData: FormData): Promise<WorldFormState> {
  const parsed = worldSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: await say(OUT_OF_DATE) };
  const result = await deleteOwnWorld(db, { worldId: parsed.data.worldId, visitorId: await currentVisitorId() });
  if (!result.ok) return { ok: false, message: await say(result.error.message) };
  return enterWorld(DEMO_WORLD, "/?deleted=1");
}
