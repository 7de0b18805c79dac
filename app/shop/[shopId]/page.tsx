import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductCard, ShopRules } from "@/components/storefront";
import { requireUser } from "@/lib/server/auth/session";
import { findShop } from "@/lib/server/shop/storefront";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shop"))("title") };
}

/** One shop: its rules and every product it sells. */
export default async function ShopDetailPage(props: { params: Promise<{ shopId: string }> }) {
  const user = await requireUser();
  const { shopId } = await props.params;
  const shop = await findShop(user, shopId.slice(0, 200));
  if (!shop) notFound();
  const t = await getTranslations("shop");
  return (
    <div className="space-y-4">
      <p>
        <Link href="/shop" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-semibold">{shop.name}</h1>
        <ShopRules shop={shop} world={user.worldId ?? "demo"} />
      </div>
      <ul aria-label={t("products", { shop: shop.name })} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {shop.products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} />
          </li>
        ))}
      </ul>
    </div>
  );
}
