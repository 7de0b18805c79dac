import { m, money } from "@/lib/i18n/message";
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { AUTO_APPROVE_WINDOWS, isAutoApproveWindow, type AutoApproveWindow } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { readSql } from "../sqlite/read-sql";
import { dateOf } from "../sqlite/sql-tx";
import { runCommand } from "../run-command";

/** The largest change-of-mind return fee a shop may disclose: $25.00 (the fee is kept from the buyer's refund). */
export const MAX_RETURN_FEE_MINOR = 2500;

/** The largest refund-only request a shop's rule may approve without review: $100.00. */
export const MAX_AUTO_REFUND_MINOR = 10_000;

export interface ShopSettings {
  shopId: string;
  shopName: string;
  policyProfile: string;
  autoApproveWindow: AutoApproveWindow;
  changeOfMindFeeMinor: number;
  /** Refund-only requests refunding at most this much are approved at once (0: off). */
  autoRefundUpToMinor: number;
  /** Whether this shop may set a return fee and an auto-approve rule for refunds (US rules only). */
  feeAllowed: boolean;
  changes: { id: string; field: string; fromValue: string; toValue: string; by: string; at: Date }[];
}

function requireShop(user: SessionUser): string {
  if (user.role !== "SELLER" || !user.shopId) throw new AppError("FORBIDDEN", m("errors.onlySellerSettings"));
  return user.shopId;
}

/** The seller's shop settings and the last 50 changes to them, newest first. */
export async function getShopSettings(user: SessionUser): Promise<ShopSettings | null> {
  if (user.role !== "SELLER" || !user.shopId) return null;
  const shopId = user.shopId;
  // One snapshot on the page reads' connection: the shop and its changes, with who made each.
  const read = readSql((sql) => {
    const shop = sql.get<{ id: string; name: string; policyProfile: string; autoApproveWindow: string; changeOfMindFeeMinor: number; autoRefundUpToMinor: number }>(
      `SELECT "id", "name", "policyProfile", "autoApproveWindow", "changeOfMindFeeMinor", "autoRefundUpToMinor" FROM "Shop" WHERE "id" = ? AND "worldId" = ?`,
      shopId,
      user.worldId ?? "demo",
    );
    if (!shop) return null;
    const changes = sql.all<{ id: string; field: string; fromValue: string; toValue: string; byUserId: string; by: string | null; at: string }>(
      `SELECT c."id", c."field", c."fromValue", c."toValue", c."byUserId", u."name" AS "by", c."at" FROM "ShopSettingChange" c LEFT JOIN "User" u ON u."id" = c."byUserId"
        WHERE c."shopId" = ? ORDER BY c."at" DESC, c."id" DESC LIMIT 50`,
      shop.id,
    );
    return { shop, changes };
  });
  if (!read) return null;
  const { shop, changes } = read;
  return {
    shopId: shop.id,
    shopName: shop.name,
    policyProfile: shop.policyProfile,
    autoApproveWindow: isAutoApproveWindow(shop.autoApproveWindow) ? shop.autoApproveWindow : "OFF",
    changeOfMindFeeMinor: shop.changeOfMindFeeMinor,
    autoRefundUpToMinor: shop.autoRefundUpToMinor,
    feeAllowed: shop.policyProfile === "US",
    changes: changes.map((c) => ({ id: c.id, field: c.field, fromValue: c.fromValue, toValue: c.toValue, by: c.by ?? c.byUserId, at: dateOf(c.at)! })),
  };
}

/**
 * Changes the seller's shop settings. Orders already placed keep the settings they were placed under
 * (each order stores its own); the change applies to orders placed from now on. Each changed field
 * is recorded with who changed it and when, in the same transaction.
 */
export function updateShopSettings(user: SessionUser, input: { autoApproveWindow: string; changeOfMindFeeMinor: number; autoRefundUpToMinor: number }, now: Date): Promise<Result<{ changed: string[] }>> {
  return runCommand(async () => {
    const shopId = requireShop(user);
    if (!isAutoApproveWindow(input.autoApproveWindow)) throw new AppError("VALIDATION", m("errors.chooseWindow"), { autoApproveWindow: [m("errors.windowChoices", { choices: AUTO_APPROVE_WINDOWS.join(", ") })] });
    if (!Number.isSafeInteger(input.changeOfMindFeeMinor) || input.changeOfMindFeeMinor < 0 || input.changeOfMindFeeMinor > MAX_RETURN_FEE_MINOR) {
      throw new AppError("VALIDATION", m("errors.checkReturnFee"), { changeOfMindFeeMinor: [m("errors.amountRange", { min: money(0, "USD"), max: money(MAX_RETURN_FEE_MINOR, "USD") })] });
    }
    if (!Number.isSafeInteger(input.autoRefundUpToMinor) || input.autoRefundUpToMinor < 0 || input.autoRefundUpToMinor > MAX_AUTO_REFUND_MINOR) {
      throw new AppError("VALIDATION", m("errors.checkRefundRule"), { autoRefundUpToMinor: [m("errors.amountRange", { min: money(0, "USD"), max: money(MAX_AUTO_REFUND_MINOR, "USD") })] });
    }
    return db.$transaction(async (tx) => {
      const shop = await tx.shop.findFirst({ where: { id: shopId, worldId: user.worldId ?? "demo" }, select: { policyProfile: true, autoApproveWindow: true, changeOfMindFeeMinor: true, autoRefundUpToMinor: true } });
      if (!shop) throw new AppError("NOT_FOUND", m("errors.noShop"));
      if (shop.policyProfile !== "US" && input.changeOfMindFeeMinor !== shop.changeOfMindFeeMinor) {
        throw new AppError("VALIDATION", m("errors.checkReturnFee"), { changeOfMindFeeMinor: [m("errors.globalNoFee")] });
      }
      if (shop.policyProfile !== "US" && input.autoRefundUpToMinor !== shop.autoRefundUpToMinor) {
        throw new AppError("VALIDATION", m("errors.checkRefundRule"), { autoRefundUpToMinor: [m("errors.usOnlyAutoRefund")] });
      }
      const changes = [
        { field: "autoApproveWindow", fromValue: shop.autoApproveWindow, toValue: input.autoApproveWindow },
        { field: "changeOfMindFeeMinor", fromValue: String(shop.changeOfMindFeeMinor), toValue: String(input.changeOfMindFeeMinor) },
        { field: "autoRefundUpToMinor", fromValue: String(shop.autoRefundUpToMinor), toValue: String(input.autoRefundUpToMinor) },
      ].filter((change) => change.fromValue !== change.toValue);
      if (changes.length === 0) return { changed: [] };
      await tx.shop.update({ where: { id: shopId }, data: { autoApproveWindow: input.autoApproveWindow, changeOfMindFeeMinor: input.changeOfMindFeeMinor, autoRefundUpToMinor: input.autoRefundUpToMinor } });
      await tx.shopSettingChange.createMany({ data: changes.map((change) => ({ id: randomUUID(), shopId, ...change, byUserId: user.id, at: now })) });
      return { changed: changes.map((change) => change.field) };
    });
  });
}
