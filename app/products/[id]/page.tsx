import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyOrAddForm } from "@/components/cart-forms";
import { ShopRules } from "@/components/storefront";
import { getI18n } from "@/lib/i18n/server";
import { MAX_QUANTITY } from "@/lib/order";
import { requireUser } from "@/lib/server/auth/session";
import { findProduct } from "@/lib/server/shop/storefront";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shop"))("title") };
}

/** A product: its picture, price, stock and shop's rules, and "Buy now" or "Add to cart" with a quantity. */
export default async function ProductPage(props: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await props.params;
  const product = await findProduct(user, id.slice(0, 200));
  if (!product) notFound();
  const t = await getTranslations("product");
  const shopWords = await getTranslations("shop");
  const { f } = await getI18n();
  const most = Math.min(MAX_QUANTITY, product.stock);
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,20rem)_1fr]">
      {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG the app draws itself */}
      <img src={`/products/${product.id}/image`} alt={t("image", { title: product.title })} width={320} height={320} className="aspect-square w-full max-w-xs rounded-lg" />
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{product.title}</h1>
        <p className="text-xl">{f.money(product.priceMinor, product.currency)}</p>
        <p className="text-sm">
          <Link href={`/shop/${product.shop.id}`} className="text-brand-700 underline">
            {t("by", { shop: product.shop.name })}
          </Link>{" "}
          · {shopWords("left", { stock: product.stock })}
        </p>
        <ShopRules shop={product.shop} world={user.worldId ?? "demo"} />
        {user.role !== "BUYER" ? (
          <p className="rounded border border-stone-200 bg-stone-50 p-3 text-sm">{t("onlyBuyers")}</p>
        ) : most < 1 ? (
          <p className="rounded border border-stone-200 bg-stone-50 p-3 text-sm">{t("soldOut")}</p>
        ) : (
          <BuyOrAddForm shopId={product.shop.id} productId={product.id} most={most} />
        )}
      </div>
    </div>
  );
}
