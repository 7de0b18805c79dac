"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateCartAction, type CartFormState } from "@/app/cart/actions";

const SELECT = "min-h-11 rounded border border-stone-300 bg-white px-3 aria-invalid:border-rose-600";

/**
 * On a product page: how many, then "Buy now" (a plain GET to this shop's checkout) or "Add to cart"
 * (a server action; the sentence under the buttons says what the cart holds now).
 */
export function BuyOrAddForm(props: { shopId: string; productId: string; most: number }) {
  const t = useTranslations("client.cart");
  const [state, add, pending] = useActionState<CartFormState, FormData>(updateCartAction, null);
  const error = state?.fieldErrors?.quantity?.[0];
  return (
    <form action="/checkout" method="get" className="space-y-2">
      <input type="hidden" name="shop" value={props.shopId} />
      <input type="hidden" name="product" value={props.productId} />
      <input type="hidden" name="productId" value={props.productId} />
      <input type="hidden" name="mode" value="add" />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="quantity" className="text-sm font-medium">
            {t("quantity")}
          </label>
          <select id="quantity" name="quantity" defaultValue="1" aria-invalid={error ? true : undefined} aria-describedby="quantity-error" className={SELECT}>
            {Array.from({ length: props.most }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          {t("buyNow")}
        </button>
        <button type="submit" formAction={add} disabled={pending} className="min-h-11 rounded border border-stone-300 bg-white px-4 py-2 hover:bg-stone-100 disabled:opacity-60">
          {pending ? t("adding") : t("addToCart")}
        </button>
      </div>
      <p id="quantity-error" aria-live="polite" className="min-h-5 text-sm">
        {state ? (
          <span className={state.ok ? "text-emerald-800" : "text-rose-700"}>
            {state.message}{" "}
            {state.ok ? (
              <Link href="/cart" className="text-brand-700 underline">
                {t("viewCart")}
              </Link>
            ) : null}
          </span>
        ) : null}
      </p>
    </form>
  );
}

/** One cart line's quantity (0 takes it out) and "Remove". */
export function CartLineForm(props: { productId: string; title: string; quantity: number; most: number }) {
  const t = useTranslations("client.cart");
  const [state, action, pending] = useActionState<CartFormState, FormData>(updateCartAction, null);
  const id = `cart-${props.productId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="productId" value={props.productId} />
      <input type="hidden" name="mode" value="set" />
      <label htmlFor={id} className="sr-only">
        {t("quantityOf", { title: props.title })}
      </label>
      <select id={id} name="quantity" key={props.quantity} defaultValue={String(props.quantity)} aria-invalid={state && !state.ok ? true : undefined} aria-describedby={`${id}-status`} className={SELECT}>
        {Array.from({ length: Math.max(props.most, props.quantity) + 1 }, (_, i) => i).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="min-h-11 rounded border border-stone-300 px-3 hover:bg-stone-100 disabled:opacity-60">
        {t("update")}
      </button>
      <button type="submit" name="remove" value="1" disabled={pending} aria-label={t("removeTitle", { title: props.title })} className="min-h-11 rounded px-3 text-rose-800 underline hover:bg-rose-50 disabled:opacity-60">
        {t("remove")}
      </button>
      <p id={`${id}-status`} aria-live="polite" className={`w-full text-sm ${state && !state.ok ? "text-rose-700" : "text-stone-700"}`}>
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
