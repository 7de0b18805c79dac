import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { INBOX_LIMIT, inboxView } from "@/lib/server/conversations/inbox";
import { pageFromParam } from "@/lib/server/pagination";
import { markAllReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

const Unread = ({ label }: { label: string }) => <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white">{label}</span>;

/** One person's conversations (unread first) and notifications, each leading to its order (issue 18, point 2). */
export default async function InboxPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { page } = await props.searchParams;
  const { conversations, notifications, counts } = await inboxView(user, pageFromParam(page));
  const unread = counts.conversations + counts.notifications;
  const t = await getTranslations("inbox");
  const { f, render } = await getI18n();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold">{user.role === "SELLER" && user.shopName ? t("titleForShop", { shop: user.shopName }) : t("title")}</h1>
        {unread > 0 ? (
          <form action={markAllReadAction}>
            <button type="submit" className="min-h-11 rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">
              {t("markAllRead")}
            </button>
          </form>
        ) : null}
      </div>
      <p aria-live="polite" className="text-stone-700">
        {unread === 0 ? t("nothingUnread") : t("unreadCounts", counts)}
      </p>
      <section aria-labelledby="conversations" className="space-y-2">
        <h2 id="conversations" className="text-lg font-semibold">
          {t("conversations")}
        </h2>
        {conversations.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 p-4 text-stone-600">{t("noConversations", { other: user.role === "BUYER" ? "seller" : "buyer" })}</p>
        ) : (
          <ul aria-label={t("conversations")} className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {conversations.map((conversation) => (
              <li key={conversation.orderId} className="space-y-1 px-4 py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/orders/${conversation.orderId}#conversation`} className="font-medium text-brand-700 hover:underline">
                    {t("order", { code: conversation.code })}
                  </Link>
                  <span className="text-stone-700">{t("with", { whom: render(conversation.withWhom) })}</span>
                  {conversation.unread ? <Unread label={t("unread")} /> : null}
                </p>
                <p className="line-clamp-2 text-sm text-stone-700">{render(conversation.lastMessage)}</p>
                <p className="text-xs text-stone-500">{f.dateTime(conversation.lastMessageAt)}</p>
              </li>
            ))}
          </ul>
        )}
        {conversations.length === INBOX_LIMIT ? <p className="text-sm text-stone-600">{t("latestOnly", { limit: INBOX_LIMIT })}</p> : null}
      </section>
      <section aria-labelledby="notifications" className="space-y-2">
        <h2 id="notifications" className="text-lg font-semibold">
          {t("notifications")}
        </h2>
        {notifications.rows.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 p-4 text-stone-600">{t("noNotifications")}</p>
        ) : (
          <ul aria-label={t("notifications")} className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {notifications.rows.map((notification) => (
              <li key={notification.id} className="space-y-1 px-4 py-3">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {render(notification.title)} {notification.readAt ? null : <Unread label={t("unread")} />}
                </p>
                <p className="text-sm text-stone-700">{render(notification.body)}</p>
                <p className="text-xs text-stone-500">
                  {f.dateTime(notification.createdAt)}
                  {notification.orderId ? (
                    <>
                      {" · "}
                      <Link href={`/orders/${notification.orderId}`} className="text-brand-700 underline">
                        {t("viewOrder")}
                      </Link>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={notifications.page} pageCount={notifications.pageCount} basePath="/inbox" />
      </section>
    </div>
  );
}
