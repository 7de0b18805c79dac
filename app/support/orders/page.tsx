import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrdersPage } from "@/app/_shared/orders-page";
import { requireUser } from "@/lib/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists.orders"))("support.title") };
}

export default async function SupportOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPPORT");
  const t = await getTranslations("lists.orders");
  return (
    <OrdersPage
      user={user}
      searchParams={await props.searchParams}
      title={t("support.title")}
      intro={t("support.intro")}
      basePath="/support/orders"
      columns={["buyer", "shop"]}
    />
  );
}
