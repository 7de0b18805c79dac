"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, SESSION_ENDED, readForm } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { updateCart } from "@/lib/server/shop/update-cart";

export type CartFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]> } | null;

const schema = z.object({
  productId: z.string().trim().min(1).max(200),
  quantity: z.string().trim().regex(/^\d{1,3}$/),
  mode: z.enum(["add", "set"]),
});

/** Puts a product in the cart, changes its quantity, or takes it out (quantity 0). */
export async function updateCartAction(_previous: CartFormState, formData: FormData): Promise<CartFormState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(SESSION_ENDED) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  // "Remove" is quantity 0, whatever the picker shows.
  const parsed = schema.safeParse({ mode: "set", ...form.fields, ...(form.fields.remove ? { quantity: "0", mode: "set" } : {}) });
  if (!parsed.success) return { ok: false, message: render(OUT_OF_DATE) };
  const { productId, quantity, mode } = parsed.data;
  const result = await updateCart(user, { productId, quantity: Number(quantity), mode }, await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)) };
  revalidatePath("/", "layout");
  const changed = result.value;
  const message =
    mode === "add"
      ? m("cart.added", { quantity: Number(quantity), title: changed.title })
      : changed.quantity === 0
        ? m("cart.removed", { title: changed.title })
        : m("cart.updated", { quantity: changed.quantity, title: changed.title });
  return { ok: true, message: render(message) };
}
