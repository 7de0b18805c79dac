"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, readForm } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { BULK_COMMANDS, BULK_LIMIT, runBulk } from "@/lib/server/seller/bulk";
import { updateShopSettings } from "@/lib/server/seller/shop-settings";
import { saveQuickReplies } from "@/lib/server/seller/quick-replies";
import { parseMoneyInput } from "@/lib/money";

/** What a bulk command did, in the viewer's language: a summary and each order's outcome. */
export type BulkState = { ok: boolean; message: string; outcomes: { orderId: string; code: string | null; ok: boolean; message: string }[] } | null;

const schema = z.object({ command: z.enum(BULK_COMMANDS) });

/** One command on every order the seller ticked, each through the engine on its own; the answer lists each order's outcome. */
export async function bulkAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return { ok: false, message: render(m("seller.actions.signInAsSeller")), outcomes: [] };
  const form = readForm(formData, { multi: ["order"] });
  if (!form.ok) return { ok: false, message: render(form.message), outcomes: [] };
  const parsed = schema.safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE), outcomes: [] };
  // Each ticked order is "<version>:<order id>".
  const chosen = (form.lists.order ?? []).map((value) => /^(\d{1,9}):(.{1,100})$/.exec(value)).filter((match) => match !== null).map((match) => ({ version: Number(match[1]), orderId: match[2]! }));
  if (chosen.length !== (form.lists.order ?? []).length) return { ok: false, message: render(OUT_OF_DATE), outcomes: [] };
  if (chosen.length === 0) return { ok: false, message: render(m("seller.actions.chooseOne")), outcomes: [] };
  if (chosen.length > BULK_LIMIT) return { ok: false, message: render(m("seller.actions.chooseAtMost", { max: BULK_LIMIT })), outcomes: [] };
  const outcomes = await runBulk(user, parsed.data.command, chosen, await appNow());
  revalidatePath("/", "layout");
  const done = outcomes.filter((outcome) => outcome.ok).length;
  return {
    ok: done === outcomes.length,
    message: render(m("seller.actions.bulkDone", { done, total: outcomes.length, refused: done < outcomes.length ? "yes" : "no" })),
    outcomes: outcomes.map((outcome) => ({ ...outcome, message: render(outcome.message) })),
  };
}

export type SettingsState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; /** What was sent, shown again after a refusal (React resets the form). */ values?: Record<string, string> } | null;

const settingsSchema = z.object({
  autoApproveWindow: z.string().min(1),
  changeOfMindFee: z.string().optional().default("0"),
  autoRefundUpTo: z.string().optional().default("0"),
});

/** Saves the shop's settings; they apply to orders placed from now on. */
export async function shopSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return { ok: false, message: render(m("seller.actions.signInForSettings")) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  const values = form.fields;
  const check = render(m("errors.checkFields"));
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: check, fieldErrors: { autoApproveWindow: [render(m("errors.chooseWindow"))] }, values };
  const fee = parseMoneyInput(parsed.data.changeOfMindFee.trim() === "" ? "0" : parsed.data.changeOfMindFee);
  if (fee === null) return { ok: false, message: check, fieldErrors: { changeOfMindFeeMinor: [render(m("seller.actions.feeAmount"))] }, values };
  const upTo = parseMoneyInput(parsed.data.autoRefundUpTo.trim() === "" ? "0" : parsed.data.autoRefundUpTo);
  if (upTo === null) return { ok: false, message: check, fieldErrors: { autoRefundUpToMinor: [render(m("seller.actions.autoRefundAmount"))] }, values };
  const result = await updateShopSettings(user, { autoApproveWindow: parsed.data.autoApproveWindow, changeOfMindFeeMinor: fee, autoRefundUpToMinor: upTo }, await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), values };
  revalidatePath("/seller/settings");
  return { ok: true, message: render(m(result.value.changed.length === 0 ? "seller.actions.nothingChanged" : "seller.actions.settingsSaved")) };
}

export type QuickRepliesState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; value?: string } | null;

/** Saves the shop's quick replies, one per line. */
export async function quickRepliesAction(_previous: QuickRepliesState, formData: FormData): Promise<QuickRepliesState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user || user.role !== "SELLER") return { ok: false, message: render(m("seller.actions.signInForQuickReplies")) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  const parsed = z.object({ quickReplies: z.string().max(20_000).optional().default("") }).safeParse(form.fields);
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE) };
  const result = await saveQuickReplies(user, parsed.data.quickReplies.split(/\r?\n/), await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), value: parsed.data.quickReplies };
  revalidatePath("/seller/settings");
  return { ok: true, message: render(m("seller.actions.quickRepliesSaved", { count: result.value.count })) };
}
