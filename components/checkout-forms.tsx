"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { addAddressAction, placeOrderAction, type CheckoutFormState } from "@/app/checkout/actions";

const INPUT = "min-h-11 w-full rounded border border-stone-300 bg-white px-2 py-2 aria-invalid:border-rose-600";

function useFocusFirstError(state: CheckoutFormState) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return form;
}

/** Where to ship, how to pay, and the two ways to place the order; the order page opens when it is placed. */
export function PlaceOrderForm(props: {
  shopId: string;
  items: string;
  /** The items are the cart's: placing the order takes them out of it. */
  fromCart: boolean;
  idempotencyKey: string;
  expectedTotal: number;
  total: string;
  addresses: { id: string; lines: string[] }[];
  methods: { value: string; label: string }[];
}) {
  const t = useTranslations("client.checkout");
  const [state, action, pending] = useActionState<CheckoutFormState, FormData>(placeOrderAction, null);
  const form = useFocusFirstError(state);
  const error = (name: string) => state?.fieldErrors?.[name]?.[0];
  const chosenAddress = state?.values?.addressId ?? props.addresses[0]?.id;
  const chosenMethod = state?.values?.paymentMethod ?? props.methods[0]?.value;
  return (
    <form ref={form} action={action} noValidate className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <input type="hidden" name="shopId" value={props.shopId} />
      <input type="hidden" name="items" value={props.items} />
      {props.fromCart ? <input type="hidden" name="fromCart" value="1" /> : null}
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <input type="hidden" name="expectedTotal" value={props.expectedTotal} />
      <fieldset aria-describedby="address-error" className="space-y-2">
        <legend className="font-semibold">{t("address")}</legend>
        {props.addresses.length === 0 ? <p className="text-sm text-stone-700">{t("noAddress")}</p> : null}
        {props.addresses.map((address, index) => (
          <label key={address.id} className="flex min-h-11 items-start gap-2 rounded border border-stone-200 p-2 has-checked:border-brand-600">
            <input type="radio" name="addressId" value={address.id} defaultChecked={address.id === chosenAddress} aria-invalid={error("addressId") && index === 0 ? true : undefined} className="mt-1 size-4" />
            <span className="text-sm">
              {address.lines.map((line, i) => (
                <span key={i} className={i === 0 ? "block font-medium" : "block"}>
                  {line}
                </span>
              ))}
            </span>
          </label>
        ))}
        <p id="address-error" aria-live="polite" className="text-sm text-rose-700">
          {error("addressId") ?? ""}
        </p>
      </fieldset>
      <fieldset aria-describedby="method-error" className="space-y-2">
        <legend className="font-semibold">{t("payment")}</legend>
        <div className="flex flex-wrap gap-2">
          {props.methods.map((method, index) => (
            <label key={method.value} className="flex min-h-11 items-center gap-2 rounded border border-stone-200 px-3 has-checked:border-brand-600">
              <input type="radio" name="paymentMethod" value={method.value} defaultChecked={method.value === chosenMethod} aria-invalid={error("paymentMethod") && index === 0 ? true : undefined} className="size-4" />
              <span className="text-sm">{method.label}</span>
            </label>
          ))}
        </div>
        <p id="method-error" aria-live="polite" className="text-sm text-rose-700">
          {error("paymentMethod") ?? ""}
        </p>
      </fieldset>
      <p className="text-sm text-stone-600">{t("placeHint")}</p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="pay" disabled={pending} className="min-h-11 rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("placeAndPay", { total: props.total })}
        </button>
        <button type="submit" name="intent" value="place" disabled={pending} className="min-h-11 rounded border border-stone-300 px-4 py-2 hover:bg-stone-100 disabled:opacity-60">
          {t("placeOrder")}
        </button>
      </div>
      <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-stone-700"}`}>
        {pending ? t("placing") : state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}

const FIELDS = [
  { name: "name", autoComplete: "name" },
  { name: "line1", autoComplete: "address-line1" },
  { name: "line2", autoComplete: "address-line2" },
  { name: "city", autoComplete: "address-level2" },
  { name: "region", autoComplete: "address-level1" },
  { name: "postalCode", autoComplete: "postal-code" },
] as const;

/** A new shipping address; saved, it appears among the choices above. */
export function AddressForm({ countries }: { countries: { value: string; label: string }[] }) {
  const t = useTranslations("client.checkout");
  const [state, action, pending] = useActionState<CheckoutFormState, FormData>(addAddressAction, null);
  const form = useFocusFirstError(state);
  const error = (name: string) => state?.fieldErrors?.[name]?.[0];
  const value = (name: string) => (state && !state.ok ? state.values?.[name] : undefined);
  return (
    <form ref={form} action={action} noValidate key={state?.ok ? "saved" : "editing"} className="mt-3 grid gap-3 sm:grid-cols-2">
      {FIELDS.map((field) => (
        <div key={field.name} className="flex flex-col gap-1">
          <label htmlFor={`address-${field.name}`} className="text-sm font-medium">
            {t(`field.${field.name}`)}
          </label>
          <input id={`address-${field.name}`} name={field.name} defaultValue={value(field.name)} autoComplete={field.autoComplete} aria-invalid={error(field.name) ? true : undefined} aria-describedby={`address-${field.name}-error`} className={INPUT} />
          <p id={`address-${field.name}-error`} aria-live="polite" className="min-h-5 text-sm text-rose-700">
            {error(field.name) ?? ""}
          </p>
        </div>
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor="address-country" className="text-sm font-medium">
          {t("field.country")}
        </label>
        <select id="address-country" name="country" defaultValue={value("country") ?? countries[0]?.value} aria-invalid={error("country") ? true : undefined} aria-describedby="address-country-error" className={INPUT}>
          {countries.map((country) => (
            <option key={country.value} value={country.value}>
              {country.label}
            </option>
          ))}
        </select>
        <p id="address-country-error" aria-live="polite" className="min-h-5 text-sm text-rose-700">
          {error("country") ?? ""}
        </p>
      </div>
      <div className="flex items-end gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className="min-h-11 rounded border border-stone-300 px-4 py-2 hover:bg-stone-100 disabled:opacity-60">
          {t("saveAddress")}
        </button>
        <p role="status" aria-live="polite" className={`text-sm ${state && !state.ok ? "text-rose-700" : "text-emerald-800"}`}>
          {state?.message ?? ""}
        </p>
      </div>
    </form>
  );
}
