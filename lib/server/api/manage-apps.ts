import "server-only";
/** The seller's developer apps (issue 31): list, create (key, secret and code shown once), a new authorization code. */
import { m } from "@/lib/i18n/message";
import { AppError, type Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";
import { createApp, newAuthCode, type NewApp } from "./credentials";

export const APPS_PER_SHOP = 10;

export interface AppSummary {
  id: string;
  name: string;
  appKey: string;
  createdAt: Date;
  tokens: number;
}

export async function listApps(db: Db, user: SessionUser, realNow: Date): Promise<AppSummary[]> {
  if (user.role !== "SELLER" || !user.shopId) return [];
  const apps = await db.apiApp.findMany({ where: { shopId: user.shopId, revokedAt: null }, orderBy: { createdAt: "desc" }, take: APPS_PER_SHOP, select: { id: true, name: true, appKey: true, createdAt: true } });
  const open = await db.apiCredential.groupBy({ by: ["appId"], where: { appId: { in: apps.map((app) => app.id) }, kind: "ACCESS", usedAt: null, expiresAt: { gt: realNow } }, _count: { _all: true } });
  const count = new Map(open.map((row) => [row.appId, row._count._all]));
  return apps.map((app) => ({ ...app, tokens: count.get(app.id) ?? 0 }));
}

export function createAppFor(db: Db, user: SessionUser, name: string, realNow: Date): Promise<Result<NewApp>> {
  return runCommand(async () => {
    if (user.role !== "SELLER" || !user.shopId) throw new AppError("FORBIDDEN", m("developer.errors.onlySellers"));
    if ((await db.apiApp.count({ where: { shopId: user.shopId, revokedAt: null } })) >= APPS_PER_SHOP) throw new AppError("VALIDATION", m("developer.errors.tooMany", { max: APPS_PER_SHOP }));
    return createApp(db, { worldId: user.worldId ?? "demo", shopId: user.shopId, sellerId: user.id, name }, realNow);
  });
}

export function newCodeFor(db: Db, user: SessionUser, appId: string, realNow: Date): Promise<Result<{ name: string; appKey: string; authCode: string; codeExpiresAt: Date }>> {
  return runCommand(async () => {
    const app = user.shopId ? await db.apiApp.findFirst({ where: { id: appId, shopId: user.shopId, revokedAt: null }, select: { id: true, name: true, appKey: true } }) : null;
    if (user.role !== "SELLER" || !app) throw new AppError("NOT_FOUND", m("developer.errors.noApp"));
    return { name: app.name, appKey: app.appKey, ...(await newAuthCode(db, app.id, realNow)) };
  });
}
