import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import type { Conversation } from "@/lib/server/conversations/conversation";
import { MessageForm } from "../_components/message-form";
import { EvidenceLinks } from "./card";

/** The order's conversation between the buyer and the shop, newest at the bottom, and a form to write in it (issue 18, point 1). */
export async function ConversationSection({ orderId, conversation, counterpart }: { orderId: string; conversation: Conversation; /** Who the person writes to. */ counterpart: string }) {
  const t = await getTranslations("order.conversation");
  const { f, render } = await getI18n();
  return (
    <section id="conversation" aria-labelledby="section-conversation" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="section-conversation" className="mb-1 text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t("intro", { counterpart })}</p>
      {conversation.messages.length === 0 ? (
        <p className="mb-3 text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol aria-label={t("messages")} className="mb-4 space-y-3 text-sm">
          {conversation.messages.map((message) => (
            <li key={message.id} className={`rounded-lg px-3 py-2 ${message.role.key === "engine.role.SUPPORT" ? "border border-amber-300 bg-amber-50" : message.mine ? "ml-8 bg-brand-50" : "mr-8 bg-stone-100"}`}>
              <p className="text-xs text-stone-600">
                <span className="font-medium text-stone-800">{message.mine ? t("you") : message.author}</span> ({render(message.role)}) · {f.dateTime(message.at)}
              </p>
              {message.body ? <p className="whitespace-pre-wrap break-words">{message.body}</p> : null}
              <EvidenceLinks ids={message.photos} />
            </li>
          ))}
        </ol>
      )}
      {conversation.writeRefusal ? <p className="text-sm text-stone-700">{render(conversation.writeRefusal)}</p> : <MessageForm orderId={orderId} quickReplies={conversation.quickReplies} />}
    </section>
  );
}
