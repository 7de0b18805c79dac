"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, readForm } from "@/lib/forms";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { BULK_COMMANDS, BULK_LIMIT, runBulk, type BulkOutcome } from "@/lib/server/seller/bulk";
import { updateShopSettings } from "@/lib/server/seller/shop-settings";
import { saveQuickReplies } from "@/lib/server/seller/quick-replies";
import { parseMoneyInput } from "@/lib/money";

export type BulkState = { ok: boolean; message: string; outcomes: BulkOutcome[] } | null;

const schema = z.object({ command: z.enum(BULK_COMMANDS) });

/** One command on every order the seller ticked, each through the engine on its own; the answer lists each order's outcome. */
export async function bulkAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return { ok: false, message: "Sign in as the shop's seller to do this.", outcomes: [] };
  const form = readForm(formData, { multi: ["order"] });
  if (!form.ok) return { ok: false, message: form.message, outcomes: [] };
  const parsed = schema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: OUT_OF_DATE, outcomes: [] };
  // Each ticked order is "<version>:<order id>" (a private world's ids hold colons too).
  const chosen = (form.lists.order ?? []).map((value) => /^(\d{1,9}):(.{1,100})$/.exec(value)).filter((match) => match !== null).map((match) => ({ version: Number(match[1]), orderId: match[2]! }));
  if (chosen.length !== (form.lists.order ?? []).length) return { ok: false, message: OUT_OF_DATE, outcomes: [] };
  if (chosen.length === 0) return { ok: false, message: "Choose at least one order.", outcomes: [] };
  if (chosen.length > BULK_LIMIT) return { ok: false, message: `Choose at most ${BULK_LIMIT} orders at a time.`, outcomes: [] };
  const outcomes = await runBulk(user, parsed.data.command, chosen, await appNow());
  revalidatePath("/", "layout");
  const done = outcomes.filter((outcome) => outcome.ok).length;
  return { ok: done === outcomes.length, message: `${done} of ${outcomes.length} done${done < outcomes.length ? "; the others were refused and nothing changed on them" : ""}.`, outcomes };
}

export type SettingsState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; /** What was sent, shown again after a refusal (React resets the form). */ values?: Record<string, string> } | null;

const settingsSchema = z.object({
  autoApproveWindow: z.string({ error: "Choose one of the windows." }).min(1, { error: "Choose one of the windows." }),
  changeOfMindFee: z.string().optional().default("0"),
  autoRefundUpTo: z.string().optional().default("0"),
});

/** Saves the shop's settings; they apply to orders placed from now on. */
export async function shopSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return { ok: false, message: "Sign in as the shop's seller to change its settings." };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: form.message };
  const values = form.fields;
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { autoApproveWindow: ["Choose one of the windows."] }, values };
  const fee = parseMoneyInput(parsed.data.changeOfMindFee.trim() === "" ? "0" : parsed.data.changeOfMindFee);
  if (fee === null) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { changeOfMindFeeMinor: ["Enter an amount like 4.99, or 0 for no fee."] }, values };
  const upTo = parseMoneyInput(parsed.data.autoRefundUpTo.trim() === "" ? "0" : parsed.data.autoRefundUpTo);
  if (upTo === null) return { ok: false, message: "Check the highlighted fields.", fieldErrors: { autoRefundUpToMinor: ["Enter an amount like 15.00, or 0 to review every refund yourself."] }, values };
  const result = await updateShopSettings(user, { autoApproveWindow: parsed.data.autoApproveWindow, changeOfMindFeeMinor: fee, autoRefundUpToMinor: upTo }, await appNow());
  if (!result.ok) return { ok: false, message: result.error.message, fieldErrors: result.error.fieldErrors, values };
  revalidatePath("/seller/settings");
  return { ok: true, message: result.value.changed.length === 0 ? "Nothing changed." : "Saved. Orders placed from now on follow these settings; orders already placed keep theirs." };
}

export type QuickRepliesState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; value?: string } | null;

/** Saves the shop's quick replies, one per line. */
export async function quickRepliesAction(_previous: QuickRepliesState, formData: FormData): Promise<QuickRepliesState> {
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return { ok: false, message: "Sign in as the shop's seller to change its quick replies." };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: form.message };
  const parsed = z.object({ quickReplies: z.string().max(20_000).optional().default("") }).safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: OUT_OF_DATE };
  const result = await saveQuickReplies(user, parsed.data.quickReplies.split(/\r?\n/), await appNow());
  if (!result.ok) return { ok: false, message: result.error.message, fieldErrors: result.error.fieldErrors, value: parsed.data.quickReplies };
  revalidatePath("/seller/settings");
  return { ok: true, message: `Saved ${result.value.count} quick repl${result.value.count === 1 ? "y" : "ies"}. They are offered when you write to a buyer.` };
}
