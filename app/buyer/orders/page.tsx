import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrdersPage } from "@/app/_shared/orders-page";
import { requireUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists.orders"))("buyer.title") };
}

export default async function BuyerOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("BUYER");
  const t = await getTranslations("lists.orders");
  return (
    <OrdersPage
      user={user}
      searchParams={await props.searchParams}
      title={t("buyer.title")}
      intro={t("buyer.intro")}
      basePath="/buyer/orders"
      columns={["shop"]}
    />
  );
}
