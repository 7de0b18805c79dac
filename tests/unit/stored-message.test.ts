/**
 * Events and notifications written before messages were keys hold only English sentences: they keep
 * rendering as they are. Those written since are keys and render in the viewer's language.
 */
import { describe, expect, it } from "vitest";
import { m } from "@/lib/i18n/message";
import { i18nFor } from "@/lib/i18n/translator";
import { storedNotification, storedSummary } from "@/lib/server/orders/stored-message";

const zh = i18nFor("zh-Hant", "Asia/Taipei");

describe("stored messages", () => {
  it("an event with a message renders in the viewer's language; one without keeps its English summary", () => {
    const keyed = storedSummary({ summary: "The buyer asked to cancel.", message: JSON.stringify(m("inbox.photoOnly")) });
    expect(zh.render(keyed)).toBe("（一張照片）");
    expect(zh.render(storedSummary({ summary: "Order placed and paid.", message: null }))).toBe("Order placed and paid.");
    expect(zh.render(storedSummary({ summary: "Order placed and paid.", message: "not json" }))).toBe("Order placed and paid.");
  });

  it("a notification's title and body likewise, falling back together when either is missing", () => {
    const keyed = storedNotification({ title: "t", body: "b", message: JSON.stringify({ title: m("inbox.title"), body: m("inbox.nothingUnread") }) });
    expect([zh.render(keyed.title), zh.render(keyed.body)]).toEqual(["收件匣", "沒有未讀的項目。"]);
    const half = storedNotification({ title: "Order cancelled", body: "Refunded.", message: JSON.stringify({ title: m("inbox.title") }) });
    expect([zh.render(half.title), zh.render(half.body)]).toEqual(["Order cancelled", "Refunded."]);
    const old = storedNotification({ title: "Order cancelled", body: "Refunded.", message: null });
    expect([zh.render(old.title), zh.render(old.body)]).toEqual(["Order cancelled", "Refunded."]);
  });
});
