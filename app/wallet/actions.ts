"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { SESSION_ENDED, OUT_OF_DATE, readForm, zodMessage } from "@/lib/forms";
import { m, money } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
import { parseMoneyInput } from "@/lib/money";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { WALLET_CURRENCY, topUpWallet } from "@/lib/server/shop/top-up-wallet";

export type WalletFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; amount?: string } | null;

const schema = z.object({
  amount: z.string({ error: zodMessage("wallet.amountInvalid") }).trim().min(1, { error: zodMessage("wallet.amountInvalid") }).max(20, { error: zodMessage("wallet.amountInvalid") }),
  idempotencyKey: z.string().trim().min(8).max(100),
});

/** "Add money": the amount as typed ("25", "25.50"), read without floats, added once per form. */
export async function topUpAction(_previous: WalletFormState, formData: FormData): Promise<WalletFormState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(SESSION_ENDED) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  const typed = form.fields.amount ?? "";
  const parsed = schema.safeParse({ amount: typed, idempotencyKey: form.fields.idempotencyKey });
  if (!parsed.success) {
    const amountError = parsed.error.issues.some((issue) => issue.path[0] === "amount");
    if (!amountError) return { ok: false, message: render(OUT_OF_DATE), amount: typed };
    const reason = render(m("wallet.amountInvalid"));
    return { ok: false, message: reason, fieldErrors: { amount: [reason] }, amount: typed };
  }
  const amountMinor = parseMoneyInput(parsed.data.amount, WALLET_CURRENCY);
  if (amountMinor === null) {
    const reason = render(m("wallet.amountInvalid"));
    return { ok: false, message: reason, fieldErrors: { amount: [reason] }, amount: typed };
  }
  const result = await topUpWallet(user, { amountMinor, idempotencyKey: parsed.data.idempotencyKey }, await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), amount: typed };
  revalidatePath("/wallet");
  return { ok: true, message: render(m("wallet.topUp.done", { amount: money(amountMinor, WALLET_CURRENCY), balance: money(result.value.balanceMinor, WALLET_CURRENCY) })) };
}
