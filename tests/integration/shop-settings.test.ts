/**
 * Shop settings (issue 16, point 4): the seller changes the auto-approve window and the return fee;
 * orders placed afterwards follow them, orders placed before keep theirs; every change is recorded
 * with who and when; bad values are refused next to their field and change nothing.
 */
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
    const changed = await updateShopSettings(sellerUs, { autoApproveWindow: "H3", changeOfMindFeeMinor: 499 }, T0);
    expect(changed).toEqual({ ok: true, value: { changed: ["autoApproveWindow", "changeOfMindFeeMinor"] } });
    const after = await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt });
    const stored = async (id: string) => db.order.findUniqueOrThrow({ where: { id }, select: { autoApproveWindow: true, changeOfMindFeeMinor: true, version: true } });
    expect(await stored(before.id)).toMatchObject({ autoApproveWindow: "OFF", changeOfMindFeeMinor: 0 });
    expect(await stored(after.id)).toMatchObject({ autoApproveWindow: "H3", changeOfMindFeeMinor: 499 });
    // Inside the new 3-hour window Ava's cancel is instant; the older order needs a request.
    const now = new Date(T0.getTime() + 10 * MINUTE);
    expect((await runOrderCommand(db, buyerAva, { orderId: after.id, expectedVersion: (await stored(after.id)).version, command: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" } }, now)).ok).toBe(true);
    expect((await runOrderCommand(db, buyerAva, { orderId: before.id, expectedVersion: (await stored(before.id)).version, command: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" } }, now)).ok).toBe(false);
  });

  it("records each change with who made it and when, newest first; saving the same values records nothing", async () => {
    await updateShopSettings(sellerUs, { autoApproveWindow: "UNTIL_ARRANGED", changeOfMindFeeMinor: 499 }, new Date(T0.getTime() + MINUTE));
    expect(await updateShopSettings(sellerUs, { autoApproveWindow: "UNTIL_ARRANGED", changeOfMindFeeMinor: 499 }, new Date(T0.getTime() + 2 * MINUTE))).toEqual({ ok: true, value: { changed: [] } });
    const settings = (await getShopSettings(sellerUs, db))!;
    const rows = settings.changes.map((c) => [c.field, c.fromValue, c.toValue, c.by]);
    expect(rows[0]).toEqual(["autoApproveWindow", "H3", "UNTIL_ARRANGED", sellerUs.name]);
    // The first save changed both fields at the same moment.
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        ["autoApproveWindow", "OFF", "H3", sellerUs.name],
        ["changeOfMindFeeMinor", "0", "499", sellerUs.name],
      ]),
    );
    expect(settings.changes[0]!.at).toEqual(new Date(T0.getTime() + MINUTE));
    expect(settings.changes).toHaveLength(3);
  });

  it("refuses bad values next to their field, changing nothing; a global shop has no fee; only the shop's seller may change it", async () => {
    const count = () => db.shopSettingChange.count();
    const before = await count();
    expect(await updateShopSettings(sellerUs, { autoApproveWindow: "H9", changeOfMindFeeMinor: 0 }, T0)).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { autoApproveWindow: [expect.any(String)] } } });
    expect(await updateShopSettings(sellerUs, { autoApproveWindow: "OFF", changeOfMindFeeMinor: -1 }, T0)).toMatchObject({ ok: false, error: { fieldErrors: { changeOfMindFeeMinor: [expect.stringContaining("0.00 to 25.00")] } } });
    expect(await updateShopSettings(sellerUs, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 2501 }, T0)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await updateShopSettings(sellerGlobal, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 100 }, T0)).toMatchObject({ ok: false, error: { fieldErrors: { changeOfMindFeeMinor: [expect.stringContaining("global rules")] } } });
    expect(await updateShopSettings(buyerAva, { autoApproveWindow: "OFF", changeOfMindFeeMinor: 0 }, T0)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await count()).toBe(before);
    expect((await db.shop.findUniqueOrThrow({ where: { id: "t-shop-gl" } })).changeOfMindFeeMinor).toBe(0);
  });
});
