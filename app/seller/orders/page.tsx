import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrdersPage } from "@/app/_shared/orders-page";
import { requireUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists.orders"))("seller.metaTitle") };
}

export default async function SellerOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  const t = await getTranslations("lists.orders");
  return (
    <OrdersPage
      user={user}
      searchParams={await props.searchParams}
      title={t("seller.title", { shop: user.shopName ?? t("seller.yourShop") })}
      intro={t("seller.intro")}
      basePath="/seller/orders"
      columns={["buyer"]}
    />
  );
}
