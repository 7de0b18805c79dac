"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { OUT_OF_DATE, SESSION_ENDED, formMessage, readForm, zodMessage } from "@/lib/forms";
import { m } from "@/lib/i18n/message";
import { getI18n, spokenError } from "@/lib/i18n/server";
import { PAYMENT_METHODS, SHIPPING_COUNTRIES } from "@/lib/order";
import { appNow } from "@/lib/server/app-clock";
import { currentUser } from "@/lib/server/auth/session";
import { placeOrder } from "@/lib/server/orders/place-order";
import { addAddress } from "@/lib/server/shop/add-address";
import { parseLines } from "@/lib/server/shop/storefront";

export type CheckoutFormState = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> } | null;

const placeSchema = z.object({
  shopId: z.string().trim().min(1).max(100),
  items: z.string().trim().min(1).max(2000),
  idempotencyKey: z.string().trim().min(8).max(100),
  expectedTotal: z.string().regex(/^\d{1,9}$/),
  addressId: z.string({ error: zodMessage("checkout.problem.address") }).trim().min(1).max(100),
  paymentMethod: z.enum(PAYMENT_METHODS, { error: zodMessage("checkout.problem.method") }),
  intent: z.enum(["place", "pay"]),
  fromCart: z.literal("1").optional(),
});

function flatten(error: z.ZodError, render: (message: ReturnType<typeof m>) => string): Record<string, string[]> {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  return Object.fromEntries(Object.entries(fieldErrors).filter(([, errors]) => errors).map(([field, errors]) => [field, errors!.map((text) => render(formMessage(text)))]));
}

/** Checkout: validates the form, places the order through the one service, and opens the new order's page. */
export async function placeOrderAction(_previous: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(SESSION_ENDED) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  const values = { addressId: form.fields.addressId ?? "", paymentMethod: form.fields.paymentMethod ?? "" };
  const parsed = placeSchema.safeParse(form.fields);
  if (!parsed.success) {
    const fieldErrors = flatten(parsed.error, render);
    const shown = Object.fromEntries(Object.entries(fieldErrors).filter(([field]) => field === "addressId" || field === "paymentMethod"));
    return Object.keys(shown).length > 0 ? { ok: false, message: render(m("errors.form.check")), fieldErrors: shown, values } : { ok: false, message: render(OUT_OF_DATE), values };
  }
  const { shopId, items, idempotencyKey, expectedTotal, addressId, paymentMethod, intent, fromCart } = parsed.data;
  const result = await placeOrder(
    user,
    { shopId, lines: parseLines(items), addressId, paymentMethod, pay: intent === "pay", expectedTotalMinor: Number(expectedTotal), idempotencyKey, fromCart: fromCart === "1" },
    await appNow(),
  );
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), values };
  revalidatePath("/", "layout");
  redirect(`/orders/${result.value.orderId}`);
}

const text = (field: string, max: number, required: boolean) => {
  const base = z.string().trim().max(max, { error: zodMessage("checkout.tooLong", { field: m(`checkout.field.${field}` as "checkout.field.name"), max }) });
  return required ? base.min(1, { error: zodMessage("checkout.required", { field: m(`checkout.field.${field}` as "checkout.field.name") }) }) : base.default("");
};

const addressSchema = z.object({
  name: text("name", 80, true),
  line1: text("line1", 120, true),
  line2: text("line2", 120, false),
  city: text("city", 80, true),
  region: text("region", 80, false),
  postalCode: text("postalCode", 20, true),
  country: z.enum(SHIPPING_COUNTRIES, { error: zodMessage("checkout.countryCode") }),
});

/** Saves a shipping address; the checkout page then offers it. */
export async function addAddressAction(_previous: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> {
  const { render } = await getI18n();
  const user = await currentUser();
  if (!user) return { ok: false, message: render(SESSION_ENDED) };
  const form = readForm(formData);
  if (!form.ok) return { ok: false, message: render(form.message) };
  // A required field left empty arrives missing: check it as "" so it gets its own sentence.
  const fields = { name: "", line1: "", city: "", postalCode: "", ...form.fields };
  const parsed = addressSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, message: render(m("errors.form.check")), fieldErrors: flatten(parsed.error, render), values: form.fields };
  const result = await addAddress(user, parsed.data, await appNow());
  if (!result.ok) return { ok: false, ...(await spokenError(result.error)), values: form.fields };
  revalidatePath("/checkout");
  return { ok: true, message: render(m("checkout.addressSaved")) };
}
