import type { Metadata } from "next";
import { OrdersPage } from "@/app/_shared/orders-page";
import { requireUser } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "Shop orders" };

export default async function SellerOrdersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SELLER");
  return (
    <OrdersPage
      user={user}
      searchParams={await props.searchParams}
      title={`Orders of ${user.shopName ?? "your shop"}`}
      intro="Cancelled orders show the reason and who cancelled."
      basePath="/seller/orders"
      columns={["buyer"]}
    />
  );
}
