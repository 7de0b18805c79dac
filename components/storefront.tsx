import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getI18n } from "@/lib/i18n/server";
import { AUTO_APPROVE_WINDOW_LABELS, DEMO_RESTOCK_BELOW, DEMO_RESTOCK_TO, FREE_SHIPPING_FROM_MINOR, SHIPPING_FEE_MINOR, policyFor, type AutoApproveWindow, type CheckoutProduct } from "@/lib/order";

/** A shop's rules as a buyer needs them before buying: the profile, instant cancel, shipping, restocking in the demo world. */
export async function ShopRules({ shop, world }: { shop: { policyProfile: string; autoApproveWindow: string }; world: string }) {
  const t = await getTranslations("shop");
  const { render, f } = await getI18n();
  const policy = policyFor(shop.policyProfile);
  return (
    <div className="space-y-0.5 text-sm text-stone-700">
      <p>{t("rules", { profile: render(policy.label), window: render(AUTO_APPROVE_WINDOW_LABELS[shop.autoApproveWindow as AutoApproveWindow] ?? AUTO_APPROVE_WINDOW_LABELS.OFF) })}</p>
      <p>{t("shipping", { fee: f.money(SHIPPING_FEE_MINOR, "USD"), from: f.money(FREE_SHIPPING_FROM_MINOR, "USD") })}</p>
      {world === "demo" ? <p>{t("restock", { to: DEMO_RESTOCK_TO, below: DEMO_RESTOCK_BELOW })}</p> : null}
    </div>
  );
}

/** A product in a grid: its picture, title, price and stock, leading to its page. */
export async function ProductCard({ product }: { product: CheckoutProduct }) {
  const t = await getTranslations("shop");
  const { f } = await getI18n();
  return (
    <Link href={`/products/${product.id}`} className="block h-full rounded-lg border border-stone-200 bg-white p-2 hover:border-brand-600">
      {/* eslint-disable-next-line @next/next/no-img-element -- a small SVG the app draws itself */}
      <img src={`/products/${product.id}/image`} alt="" width={200} height={200} className="aspect-square w-full rounded" loading="lazy" />
      <span className="mt-2 block text-sm font-medium text-stone-900">{product.title}</span>
      <span className="block text-sm">{f.money(product.priceMinor, product.currency)}</span>
      <span className="block text-xs text-stone-600">{t("left", { stock: product.stock })}</span>
    </Link>
  );
}
