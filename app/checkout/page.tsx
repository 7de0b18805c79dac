import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { AddressForm, PlaceOrderForm } from "@/components/checkout-forms";
import { m, money } from "@/lib/i18n/message";
import { getI18n } from "@/lib/i18n/server";
import { SHIPPING_COUNTRIES } from "@/lib/order";
import { requireUser } from "@/lib/server/auth/session";
import { cartLinesOf } from "@/lib/server/shop/cart";
import { checkoutView } from "@/lib/server/shop/storefront";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** Checkout for one shop: the items priced now, where to ship, how to pay, and "Place order" or "Place and pay". */
export default async function CheckoutPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("BUYER");
  const params = await props.searchParams;
  const shopId = (one(params.shop) ?? "").slice(0, 200);
  const product = one(params.product);
  const quantity = Number(one(params.quantity) ?? "1");
  // "Buy now" names one product; without one, checkout takes this shop's lines from the cart.
  const fromCart = !product;
  const lines = product ? [{ productId: product.slice(0, 200), quantity: Number.isFinite(quantity) ? quantity : 0 }] : await cartLinesOf(user, shopId);
  const view = await checkoutView(user, shopId, lines);
  if (!view) notFound();
  const t = await getTranslations("checkout");
  const { f, render, locale } = await getI18n();
  const countries = new Intl.DisplayNames([locale], { type: "region" });
  const currency = view.priced.ok ? view.priced.checkout.currency : "USD";
  const items = lines.map((line) => `${line.productId}:${line.quantity}`).join(",");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("from", { shop: view.shop.name })}</p>
      </div>
      {view.priced.ok ? (
        <>
          <section aria-labelledby="items-heading" className="rounded-lg border border-stone-200 bg-white p-4">
            <h2 id="items-heading" className="mb-2 font-semibold">
              {t("items")}
            </h2>
            <ul className="divide-y divide-stone-100">
              {view.priced.checkout.lines.map((line) => (
                <li key={line.product.id} className="flex items-center gap-3 py-2">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG the app draws itself */}
                  <img src={`/products/${line.product.id}/image`} alt="" width={48} height={48} className="size-12 rounded" />
                  <span className="flex-1">
                    {line.product.title}
                    <span className="block text-sm text-stone-600">
                      {line.quantity} × {f.money(line.product.priceMinor, line.product.currency)}
                    </span>
                  </span>
                  <span className="tabular-nums">{f.money(line.totalMinor, line.product.currency)}</span>
                </li>
              ))}
            </ul>
            <dl className="mt-2 space-y-1 border-t border-stone-200 pt-2 text-sm">
              <div className="flex justify-between">
                <dt>{t("subtotal")}</dt>
                <dd className="tabular-nums">{f.money(view.priced.checkout.itemsMinor, view.priced.checkout.currency)}</dd>
              </div>
              <div className="flex justify-between">
                <dt>{t("shipping")}</dt>
                <dd className="tabular-nums">{view.priced.checkout.shippingFeeMinor === 0 ? t("free") : f.money(view.priced.checkout.shippingFeeMinor, view.priced.checkout.currency)}</dd>
              </div>
              <div className="flex justify-between text-base font-semibold">
                <dt>{t("total")}</dt>
                <dd className="tabular-nums">{f.money(view.priced.checkout.totalMinor, view.priced.checkout.currency)}</dd>
              </div>
            </dl>
          </section>
          <PlaceOrderForm
            shopId={view.shop.id}
            items={items}
            fromCart={fromCart}
            idempotencyKey={randomUUID()}
            expectedTotal={view.priced.checkout.totalMinor}
            total={f.money(view.priced.checkout.totalMinor, view.priced.checkout.currency)}
            addresses={view.addresses.map((address) => ({
              id: address.id,
              lines: [address.name, [address.line1, address.line2].filter(Boolean).join(", "), [address.city, address.region, address.postalCode].filter(Boolean).join(" "), countries.of(address.country) ?? address.country],
            }))}
            methods={view.methods.map((method) => ({
              value: method,
              label:
                method === "WALLET"
                  ? render(m("wallet.methodWithBalance", { method: m("checkout.method.WALLET"), balance: money(view.walletBalanceMinor, currency) }))
                  : render(m(`checkout.method.${method}`)),
            }))}
          />
          <details className="rounded-lg border border-stone-200 bg-white p-4" open={view.addresses.length === 0}>
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold">{t("addAddress")}</summary>
            <AddressForm countries={SHIPPING_COUNTRIES.map((code) => ({ value: code, label: countries.of(code) ?? code }))} />
          </details>
        </>
      ) : (
        <div role="alert" className="space-y-2 rounded-lg border border-rose-200 bg-rose-50 p-4">
          <p className="font-medium">{t("cannot")}</p>
          <ul className="list-disc pl-5">
            {view.priced.problems.map((problem, i) => (
              <li key={i}>{render(problem.reason)}</li>
            ))}
          </ul>
          {product ? (
            <Link href={`/products/${product}`} className="text-brand-700 underline">
              {t("backToProduct")}
            </Link>
          ) : null}
        </div>
      )}
    </div>
  );
}
