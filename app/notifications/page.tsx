import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { formatDateTime } from "@/lib/format";
import { requireUser } from "@/lib/server/auth/session";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { pageFromParam } from "@/lib/server/pagination";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { page } = await props.searchParams;
  const result = await listNotifications(user, { page: pageFromParam(page) });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{user.role === "SELLER" ? `Notifications for ${user.shopName ?? "your shop"}` : "Notifications"}</h1>
      {result.rows.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-center text-stone-600">No notifications yet.</p>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {result.rows.map((notification) => (
            <li key={notification.id} className="space-y-1 px-4 py-3">
              <p className="font-medium">{notification.title}</p>
              <p className="text-sm text-stone-700">{notification.body}</p>
              <p className="text-xs text-stone-500">
                {formatDateTime(notification.createdAt)}
                {notification.orderId ? (
                  <>
                    {" · "}
                    <Link href={`/orders/${notification.orderId}`} className="text-brand-700 hover:underline">
                      View order
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} basePath="/notifications" />
    </div>
  );
}
