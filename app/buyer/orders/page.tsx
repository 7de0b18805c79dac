import type { Metadata } from "next";
import { OrdersPage } from "@/app/_shared/orders-page";
import { requireUser } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "My orders" };

export default async function BuyerOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("BUYER");
  return (
    <OrdersPage
      user={user}
      searchParams={await props.searchParams}
      title="My orders"
      intro="Open an order to see its timeline, or to cancel it while that is still possible."
      basePath="/buyer/orders"
      columns={["shop"]}
    />
  );
}
