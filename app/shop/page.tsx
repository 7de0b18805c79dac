import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProductCard, ShopRules } from "@/components/storefront";
import { requireUser } from "@/lib/server/auth/session";
import { listStorefront } from "@/lib/server/shop/storefront";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shop"))("title") };
}

/** The storefront: every shop of the viewer's world, each with its rules and products. */
export default async function ShopPage() {
  const user = await requireUser();
  const shops = await listStorefront(user);
  const t = await getTranslations("shop");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("intro")}</p>
      </div>
      {shops.length === 0 ? <p>{t("none")}</p> : null}
      {shops.map((shop) => (
        <section key={shop.id} aria-labelledby={`shop-${shop.id}`} className="space-y-3">
          <div>
            <h2 id={`shop-${shop.id}`} className="text-lg font-semibold">
              <Link href={`/shop/${shop.id}`} className="text-brand-700 underline">
                {shop.name}
              </Link>
            </h2>
            <ShopRules shop={shop} world={user.worldId ?? "demo"} />
          </div>
          <ul aria-label={t("products", { shop: shop.name })} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {shop.products.slice(0, 5).map((product) => (
              <li key={product.id}>
                <ProductCard product={product} />
              </li>
            ))}
          </ul>
          {shop.products.length > 5 ? (
            <p>
              <Link href={`/shop/${shop.id}`} className="text-brand-700 underline">
                {t("viewShop", { shop: shop.name })}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
