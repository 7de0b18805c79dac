import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CartLineForm } from "@/components/cart-forms";
import { ShopRules } from "@/components/storefront";
import { getI18n } from "@/lib/i18n/server";
import { MAX_QUANTITY, availableStock } from "@/lib/order";
import { requireUser } from "@/lib/server/auth/session";
import { cartView } from "@/lib/server/shop/cart";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

/** The buyer's cart, one section per shop (one order each), each with its total and "Check out from …". */
export default async function CartPage() {
  const user = await requireUser("BUYER");
  const shops = await cartView(user);
  const t = await getTranslations("cart");
  const words = await getTranslations("checkout");
  const { f, render } = await getI18n();
  const world = user.worldId ?? "demo";
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-stone-600">{t("intro")}</p>
      </div>
      {shops.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">
          {t("empty")}{" "}
          <Link href="/shop" className="text-brand-700 underline">
            {t("browse")}
          </Link>
        </p>
      ) : null}
      {shops.map(({ shop, lines, priced }) => (
        <section key={shop.id} aria-labelledby={`cart-${shop.id}`} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <div>
            <h2 id={`cart-${shop.id}`} className="font-semibold">
              <Link href={`/shop/${shop.id}`} className="underline-offset-2 hover:underline">
                {t("fromShop", { shop: shop.name })}
              </Link>
            </h2>
            <ShopRules shop={shop} world={world} />
          </div>
          <ul className="divide-y divide-stone-100">
            {lines.map(({ product, quantity }) => (
              <li key={product.id} className="flex gap-3 py-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG the app draws itself */}
                <img src={`/products/${product.id}/image`} alt="" width={64} height={64} className="size-16 shrink-0 rounded" />
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap justify-between gap-x-3">
                    <Link href={`/products/${product.id}`} className="font-medium text-brand-700 underline">
                      {product.title}
                    </Link>
                    <span className="tabular-nums">{f.money(product.priceMinor * quantity, product.currency)}</span>
                  </div>
                  <p className="text-sm text-stone-600">{t("lineTotal", { quantity, price: f.money(product.priceMinor, product.currency) })}</p>
                  <CartLineForm productId={product.id} title={product.title} quantity={quantity} most={Math.min(MAX_QUANTITY, availableStock(product.stock, world === "demo"))} />
                </div>
              </li>
            ))}
          </ul>
          {priced.ok ? (
            <>
              <dl className="space-y-1 border-t border-stone-200 pt-3 text-sm">
                <div className="flex justify-between">
                  <dt>{words("subtotal")}</dt>
                  <dd className="tabular-nums">{f.money(priced.checkout.itemsMinor, priced.checkout.currency)}</dd>
                </div>
                <div className="flex justify-between">
                  <dt>{words("shipping")}</dt>
                  <dd className="tabular-nums">{priced.checkout.shippingFeeMinor === 0 ? words("free") : f.money(priced.checkout.shippingFeeMinor, priced.checkout.currency)}</dd>
                </div>
                <div className="flex justify-between font-semibold">
                  <dt>{words("total")}</dt>
                  <dd className="tabular-nums">{f.money(priced.checkout.totalMinor, priced.checkout.currency)}</dd>
                </div>
              </dl>
              <Link href={`/checkout?shop=${encodeURIComponent(shop.id)}`} className="flex min-h-11 w-full items-center justify-center rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 sm:w-auto sm:inline-flex">
                {t("checkout", { shop: shop.name })}
              </Link>
            </>
          ) : (
            <div role="alert" className="rounded border border-rose-200 bg-rose-50 p-3 text-sm">
              <p className="font-medium">{t("cannot")}</p>
              <ul className="list-disc pl-5">
                {priced.problems.map((problem, i) => (
                  <li key={i}>{render(problem.reason)}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
