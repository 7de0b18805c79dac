/**
 * Shop settings (issue 16, point 4): the seller changes the auto-approve window and the return fee;
 * orders placed afterwards follow them, orders placed before keep theirs; every change is recorded
 * with who and when; bad values are refused next to their field and change nothing.
 */
import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { getShopSettings, updateShopSettings } from "@/lib/server/seller/shop-settings";
import { T0, buyerAva, createOrder, createWorld, sellerGlobal, sellerUs } from "../support/world";

const MINUTE = 60_000;

beforeAll(async () => {
  await createWorld(db);
});

describe("shop settings", () => {
  it("apply to orders placed afterwards; an order placed before keeps the settings it was placed under", async () => {
    const placedAt = new Date(T0.getTime() - 80 * MINUTE);
    const before = await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt });
    const changed = await updateShopSettings(sellerUs, { autoApproveWindow: "H3", changeOfMindFeeMinor: 499, autoRefundUpToMinor: 0 }, T0);
    expect(inEnglish(changed)).toEqual({ ok: true, value: { changed: ["autoApproveWindow", "changeOfMindFeeMinor"] } });
    const after = await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt });
    const stored = async (id: string) => db.order.findUniqueOrThrow({ where: { id }, select: { autoApproveWindow: true, changeOfMindFeeMinor: true, version: true } });
    expect(inEnglish(await stored(before.id))).toMatchObject({ autoApproveWindow: "OFF", changeOfMindFeeMinor: 0 });
    expect(inEnglish(await stored(after.id))).toMatchObject({ autoApproveWindow: "H3", changeOfMindFeeMinor: 499 });
    // Inside the new 3-hour window Ava's cancel is instant; the older order needs a request.
    const now = new Date(T0.getTime() + 10 * MINUTE);
    expect((await runOrderCommand(db, buyerAva, { orderId: after.id, expectedVersion: (await stored(after.id)).version, command: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" } }, now)).ok).toBe(true);
    expect((await runOrderCommand(db, buyerAva, { orderId: before.id, expectedVersion: (await stored(before.id)).version, command: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" } }, now)).ok).toBe(false);
  });

  it("records each change with who made it and when, newest first; saving the same values records nothing", async () => {
    await updateShopSettings(sellerUs, { autoApproveWindow: "UNTIL_ARRANGED", changeOfMindFeeMinor: 499, autoRefundUpToMinor: 0 }, new Date(T0.getTime() + MINUTE));
    expect(inEnglish(await updateShopSettings(sellerUs, { autoApproveWindow: "UNTIL_ARRANGED", changeOfMindFeeMinor: 499, autoRefundUpToMinor: 0 }, new Date(T0.getTime() + 2 * MINUTE)))).toEqual({ ok: true, value: { changed: [] } });
    const settings = (await getShopSettings(sellerUs))!;
    const rows = settings.changes.map((c) => [c.field, c.fromValue, c.toValue, c.by]);
    expect(inEnglish(rows[0])).toEqual(["autoApproveWindow", "H3", "UNTIL_ARRANGED", sellerUs.name]);
    // The first save changed both fields at the same moment.
    expect(inEnglish(rows.slice(1))).toEqual(
      expect.arrayContaining([
        ["autoApproveWindow", "OFF", "H3", sellerUs.name],
        ["changeOfMindFeeMinor", "0", "499", sellerUs.name],
      ]),
    );
    expect(inEnglish(settings.changes[0]!.at)).toEqual(new Date(T0.getTime() + MINUTE));
    expect(settings.changes).toHaveLength(3);
  });

  it("refuses bad values next to their field, changing nothing; a global shop has no fee; only the shop's seller may change it", async () => {
    const count = () => db.shopSettingChange.count();
    const before = await count();
    expect(inEnglish(await updateShopSettings(sellerUs, { autoApproveWindow: "H9", changeOfMindFeeMinor: 0, autoRefundUpToMinor: 0 }, T0))).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { autoApproveWindow: [expect.any(String)] } } });
    expect(inEnglish(await updateShopSettings(sellerUs, { autoApproveWindow: "OFF", changeOfMindFeeMinor: -1, autoRefundUpToMinor: 0 }, T0))).toMatchObject({ ok: false, error: { fieldErrors: { changeOfMindFeeMinor: [expect.stringContaining("0.00 to $25.00")] } } });
    expect(inEnglish(await updateShopSettings(sellerUs, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 2501, autoRefundUpToMinor: 0 }, T0))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(inEnglish(await updateShopSettings(sellerGlobal, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 100, autoRefundUpToMinor: 0 }, T0))).toMatchObject({ ok: false, error: { fieldErrors: { changeOfMindFeeMinor: [expect.stringContaining("global rules")] } } });
    expect(inEnglish(await updateShopSettings(buyerAva, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 0, autoRefundUpToMinor: 0 }, T0))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await count()).toBe(before);
    expect((await db.shop.findUniqueOrThrow({ where: { id: "t-shop-gl" } })).changeOfMindFeeMinor).toBe(0);
  });

  it("the refund rule: a small refund-only request on an order placed under it is refunded at once; older orders, larger amounts and returns wait for the seller", async () => {
    const bad = await updateShopSettings(sellerUs, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 0, autoRefundUpToMinor: 10_001 }, T0);
    expect(inEnglish(bad)).toMatchObject({ ok: false, error: { fieldErrors: { autoRefundUpToMinor: [expect.stringContaining("0.00 to $100.00")] } } });
    expect(inEnglish(await updateShopSettings(sellerGlobal, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 0, autoRefundUpToMinor: 500 }, T0))).toMatchObject({ ok: false, error: { fieldErrors: { autoRefundUpToMinor: [expect.stringContaining("US rules")] } } });

    const placedAt = new Date(T0.getTime() - 10 * 24 * 60 * MINUTE);
    const pen = [{ productId: "t-prod-pen", quantity: 1 }]; // $12.50 + $5.99 shipping: a "not received" refund is $18.49
    const older = await createOrder(db, { status: "DELIVERED", placedAt, items: pen });
    const current = (await getShopSettings(sellerUs))!;
    const set = await updateShopSettings(sellerUs, { autoApproveWindow: current.autoApproveWindow, changeOfMindFeeMinor: current.changeOfMindFeeMinor, autoRefundUpToMinor: 2000 }, new Date(T0.getTime() + 2 * 24 * 60 * MINUTE));
    expect(inEnglish(set)).toEqual({ ok: true, value: { changed: ["autoRefundUpToMinor"] } });
    expect(inEnglish((await getShopSettings(sellerUs))!.changes[0])).toMatchObject({ field: "autoRefundUpToMinor", fromValue: "0", toValue: "2000", by: sellerUs.name });
    const small = await createOrder(db, { status: "DELIVERED", placedAt, items: pen });
    const large = await createOrder(db, { status: "DELIVERED", placedAt }); // $82.50 + $5.99
    const returned = await createOrder(db, { status: "DELIVERED", placedAt, items: pen });

    const now = new Date(T0.getTime() + 3 * 24 * 60 * MINUTE);
    const ask = async (orderId: string, caseType: "REFUND_ONLY" | "RETURN_AND_REFUND", reasonKey: string) => {
      const { version } = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      const result = await runOrderCommand(db, buyerAva, { orderId, expectedVersion: version, command: { type: "REQUEST_RETURN", caseType, reasonKey, description: "It never came.", photoCount: 0 } }, now);
      expect(result.ok).toBe(true);
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { returnCases: true, refunds: true } });
      return { status: order.status, caseStatus: order.returnCases[0]!.status, refunded: order.refunds.reduce((sum, r) => sum + r.totalMinor, 0) };
    };
    expect(inEnglish(await ask(small.id, "REFUND_ONLY", "not_received"))).toEqual({ status: "COMPLETED", caseStatus: "REFUNDED", refunded: 1849 });
    expect(inEnglish(await ask(older.id, "REFUND_ONLY", "not_received"))).toEqual({ status: "DELIVERED", caseStatus: "REQUESTED", refunded: 0 });
    expect(inEnglish(await ask(large.id, "REFUND_ONLY", "not_received"))).toEqual({ status: "DELIVERED", caseStatus: "REQUESTED", refunded: 0 });
    expect(inEnglish(await ask(returned.id, "RETURN_AND_REFUND", "changed_mind"))).toEqual({ status: "DELIVERED", caseStatus: "REQUESTED", refunded: 0 });
    const events = await db.orderEvent.findMany({ where: { orderId: small.id }, orderBy: { seq: "desc" }, take: 1 });
    expect(inEnglish(events[0])).toMatchObject({ type: "CASE_REFUNDED", actorRole: "BUYER" });
    expect(say(events[0]!.summary)).toContain("shop's rule");
  });
});
