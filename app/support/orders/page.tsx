import type { Metadata } from "next";
import { OrdersPage } from "@/app/_shared/orders-page";
import { requireUser } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "All orders" };

export default async function SupportOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPPORT");
  return (
    <OrdersPage
      user={user}
      searchParams={await props.searchParams}
      title="All orders"
      intro="Every order on the platform, newest first."
      basePath="/support/orders"
      columns={["buyer", "shop"]}
    />
  );
}
