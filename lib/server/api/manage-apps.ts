import "server-only";
/** The seller's developer apps (issue 31): list, create (key, secret and code shown once), a new authorization code. */
import { m } from "@/lib/i18n/message";
import { AppError, type Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";
import { readSql } from "../sqlite/read-sql";
import { dateOf } from "../sqlite/sql-tx";
import { createApp, newAuthCode, type NewApp } from "./credentials";

export const APPS_PER_SHOP = 10;

export interface AppSummary {
  id: string;
  name: string;
  appKey: string;
  createdAt: Date;
  tokens: number;
}

/** The shop's apps, newest first, each with how many access tokens are open now (one statement on the page reads' connection). */
export async function listApps(user: SessionUser, realNow: Date): Promise<AppSummary[]> {
  if (user.role !== "SELLER" || !user.shopId) return [];
  const shopId = user.shopId;
  const apps = readSql((sql) =>
    sql.all<{ id: string; name: string; appKey: string; createdAt: string; tokens: number }>(
      `SELECT a."id", a."name", a."appKey", a."createdAt",
          (SELECT count(*) FROM "ApiCredential" c WHERE c."appId" = a."id" AND c."kind" = 'ACCESS' AND c."usedAt" IS NULL AND c."expiresAt" > ?) AS "tokens"
        FROM "ApiApp" a WHERE a."shopId" = ? AND a."revokedAt" IS NULL ORDER BY a."createdAt" DESC LIMIT ${APPS_PER_SHOP}`,
      realNow,
      shopId,
    ),
  );
  return apps.map((app) => ({ ...app, createdAt: dateOf(app.createdAt)! }));
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
