/**
 * Conversations (issue 18): the buyer and the shop write on their order, support reads any and
 * writes while a dispute waits for it, nobody else reads or writes; limits and photo checks; the
 * table refuses edits and deletes; a message never changes the order. The inbox's unread counts,
 * "mark all read", and the live stamp pages poll.
 */
import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import type { Command } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getConversation } from "@/lib/server/conversations/conversation";
import { listConversations, markAllRead, unreadCounts } from "@/lib/server/conversations/inbox";
import { sendMessage } from "@/lib/server/conversations/send-message";
import { db } from "@/lib/server/db";
import { liveStamp } from "@/lib/server/live/live-stamp";
import { runOrderCommand, type CommandActor } from "@/lib/server/orders/run-order-command";
import { solidPng } from "@/lib/server/demo/png";
import { T0, buyerAva, buyerBen, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
let orderId = "";

async function run(who: CommandActor, command: Command, when: Date) {
  const { version } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true } });
  const result = await runOrderCommand(db, who, { orderId, expectedVersion: version, command }, when);
  if (!result.ok) throw new Error(`${command.type}: ${say(result.error.message)}`);
}

beforeAll(async () => {
  await createWorld(db);
  orderId = (await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt: new Date(T0.getTime() - 3 * HOUR) })).id;
});

describe("a conversation on an order", () => {
  it("the buyer and the shop write and read it, the newest at the bottom; a message never changes the order", async () => {
    const before = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, updatedAt: true } });
    expect((await sendMessage(buyerAva, { orderId, body: "Could you cancel? I ordered twice." }, at(1))).ok).toBe(true);
    expect((await sendMessage(sellerUs, { orderId, body: "Your parcel has already been packed; we can't stop it now." }, at(2))).ok).toBe(true);
    const seen = await getConversation(buyerAva, orderId);
    expect(inEnglish(seen!.messages.map((m) => [m.role, m.body, m.mine]))).toEqual([
      ["Buyer", "Could you cancel? I ordered twice.", true],
      ["Seller", "Your parcel has already been packed; we can't stop it now.", false],
    ]);
    expect(inEnglish(seen!.messages[1]!.author)).toBe("Sally Seller");
    const after = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true, updatedAt: true, lastMessageAt: true } });
    expect(inEnglish(after)).toMatchObject({ version: before.version, updatedAt: before.updatedAt, lastMessageAt: at(2) });
    expect(await db.orderEvent.count({ where: { orderId, at: { gte: at(0) } } })).toBe(0);
  });

  it("the other party's message is unread until they open the conversation; the inbox lists unread first", async () => {
    // Ava read it above; Sally has not read Ava's message since she wrote after it.
    expect(inEnglish(await unreadCounts(buyerAva))).toMatchObject({ conversations: 0 });
    await sendMessage(buyerAva, { orderId, body: "Oh no. Then I'll refuse it at the door." }, at(4));
    expect((await unreadCounts(sellerUs)).conversations).toBe(1);
    const [listed] = await listConversations(sellerUs);
    expect(inEnglish(listed)).toMatchObject({ orderId, withWhom: "Ava Test", unread: true, lastMessage: "Oh no. Then I'll refuse it at the door." });
    await getConversation(sellerUs, orderId);
    expect((await unreadCounts(sellerUs)).conversations).toBe(0);
    expect((await listConversations(sellerUs))[0]!.unread).toBe(false);
  });

  it("nobody else reads or writes it: another buyer, another shop's seller", async () => {
    for (const outsider of [buyerBen, sellerGlobal]) {
      expect(await getConversation(outsider, orderId)).toBeNull();
      const sent = await sendMessage(outsider, { orderId, body: "Let me in." }, at(6));
      expect(inEnglish(!sent.ok && sent.error.code)).toBe("NOT_FOUND");
      expect(inEnglish(await listConversations(outsider))).toEqual([]);
    }
    // A world that is not the order's.
    const elsewhere: SessionUser = { ...buyerAva, worldId: "elsewhere" };
    expect(await getConversation(elsewhere, orderId)).toBeNull();
    expect(await db.chatMessage.count({ where: { orderId } })).toBe(3);
  });

  it("limits: empty, over 2,000 characters, photos that are not images; nothing is stored", async () => {
    const refusals = [
      await sendMessage(buyerAva, { orderId, body: "   " }, at(7)),
      await sendMessage(buyerAva, { orderId, body: "x".repeat(2001) }, at(7)),
      await sendMessage(buyerAva, { orderId, body: "See the photo", photos: [new File([new Uint8Array([1, 2, 3, 4])], "fake.png", { type: "image/png" })] }, at(7)),
    ];
    expect(inEnglish(refusals.map((r) => (!r.ok ? Object.keys(r.error.fieldErrors ?? {}) : [])))).toEqual([["body"], ["body"], ["photos"]]);
    expect(say(refusals[1]!.ok ? "" : refusals[1]!.error.message)).toMatch(/under 2,?000 characters/);
    expect(await db.chatMessage.count({ where: { orderId } })).toBe(3);
    // 2,000 characters exactly, and a real photo on its own, are fine.
    expect((await sendMessage(buyerAva, { orderId, body: "y".repeat(2000) }, at(8))).ok).toBe(true);
    const photo = new File([new Uint8Array(solidPng([200, 40, 40], 8))], "label.png", { type: "image/png" });
    expect((await sendMessage(buyerAva, { orderId, body: "", photos: [photo] }, at(9))).ok).toBe(true);
    const latest = (await getConversation(sellerUs, orderId))!.messages.at(-1)!;
    expect(inEnglish(latest)).toMatchObject({ body: "", photos: [expect.any(String)] });
  });

  it("text is cleaned like every other field: no control, zero-width or bidirectional-override characters, blank lines in a row become one, at most 40 lines", async () => {
    const sent = async (body: string) => {
      const result = await sendMessage(buyerAva, { orderId, body }, at(9));
      return result.ok ? (await db.chatMessage.findUniqueOrThrow({ where: { id: result.value.id } })).body : result;
    };
    // "Refund \u202Edevorppa" displayed as "Refund approved" (issue 26).
    expect(inEnglish(await sent("Refund \u202Edevorppa"))).toBe("Refund devorppa");
    expect(inEnglish(await sent("nul\u0000 here\u200B"))).toBe("nul here");
    expect(inEnglish(await sent("\u200B\u200C\u200D\u2060"))).toMatchObject({ ok: false, error: { fieldErrors: { body: ["Write a message, or attach a photo."] } } });
    expect(inEnglish(await sent(`top${"\n".repeat(500)}bottom`))).toBe("top\n\nbottom");
    expect(inEnglish(await sent(Array.from({ length: 41 }, (_, i) => `line ${i}`).join("\n")))).toMatchObject({ ok: false, error: { fieldErrors: { body: ["Keep a message to 40 lines."] } } });
    expect(await sent(Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\r\n"))).toBe(Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n"));
  });

  it("a message cannot be edited or deleted: the database refuses", async () => {
    const message = await db.chatMessage.findFirstOrThrow({ where: { orderId } });
    // The trigger's own words, under the driver's error.
    const refusedBy = { meta: { driverAdapterError: { cause: { originalCode: "SQLITE_CONSTRAINT_TRIGGER", originalMessage: "ChatMessage is append-only" } } } };
    await expect(db.chatMessage.update({ where: { id: message.id }, data: { body: "I never said that." } })).rejects.toMatchObject(refusedBy);
    await expect(db.chatMessage.delete({ where: { id: message.id } })).rejects.toMatchObject(refusedBy);
    expect(say((await db.chatMessage.findUniqueOrThrow({ where: { id: message.id } })).body)).toBe(message.body);
  });

  it("support reads it always and writes only while a dispute waits for it, marked as platform support", async () => {
    expect(inEnglish((await getConversation(supportAgent, orderId))!.writeRefusal)).toMatch(/only while a dispute/);
    const early = await sendMessage(supportAgent, { orderId, body: "Hello from support." }, at(11));
    expect(inEnglish(!early.ok && early.error.code)).toBe("FORBIDDEN");
    await run(buyerAva, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, at(12));
    await run(sellerUs, { type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, at(13));
    await run(buyerAva, { type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "It had not shipped.", photoCount: 0 }, at(14));
    expect((await sendMessage(supportAgent, { orderId, body: "I am looking at this now." }, at(15))).ok).toBe(true);
    const seen = await getConversation(buyerAva, orderId);
    expect(inEnglish(seen!.messages.at(-1))).toMatchObject({ role: "Platform support", author: "Sue Support", body: "I am looking at this now." });
    // Support's inbox lists the conversations of orders with a dispute waiting for it.
    expect(inEnglish((await listConversations(supportAgent)).map((c) => c.orderId))).toEqual([orderId]);
  });
});

describe("the inbox", () => {
  it("counts unread notifications and conversations per person; mark all read clears only that person's", async () => {
    const seller = await unreadCounts(sellerUs);
    expect(seller.notifications).toBeGreaterThan(0);
    expect(seller.conversations).toBe(1);
    const buyerBefore = await unreadCounts(buyerAva);
    await markAllRead(sellerUs, at(20));
    expect(inEnglish(await unreadCounts(sellerUs))).toEqual({ conversations: 0, notifications: 0 });
    expect(inEnglish(await unreadCounts(buyerAva))).toEqual(inEnglish(buyerBefore));
  });
});

describe("the live stamp pages poll", () => {
  it("moves when a command, a message or a notification reaches this person, and not for another shop", async () => {
    const sally = await liveStamp(sellerUs);
    const gus = await liveStamp(sellerGlobal);
    await sendMessage(buyerAva, { orderId, body: "Any news?" }, at(30));
    const afterMessage = await liveStamp(sellerUs);
    expect(afterMessage).not.toBe(sally);
    await run(supportAgent, { type: "TAKE_DISPUTE", disputeId: `${orderId}-dispute-1`, reason: "" }, at(31));
    expect(await liveStamp(sellerUs)).not.toBe(afterMessage);
    expect(await liveStamp(sellerGlobal)).toBe(gus);
  });
});
