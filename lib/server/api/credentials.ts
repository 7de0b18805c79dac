import "server-only";
/**
 * Developer apps and their credentials (issue 31): an app of a shop has a key and a secret; the
 * seller gets an authorization code for it, which the app exchanges for an access token and a
 * refresh token (`/api/v2/token/get`), as on the platform. Codes, tokens and their expiry use real
 * time, like the platform's signatures; values are stored as their sha256, so a copy of the table
 * signs nobody in.
 */
import { createHash, randomBytes } from "node:crypto";
import { API_ERRORS } from "@/lib/api/envelope";
import { worldScopedId } from "@/lib/worlds";
import type { Db } from "../prisma";

export const CODE_TTL_MS = 60 * 60_000;
export const ACCESS_TTL_MS = 7 * 24 * 3_600_000;
export const REFRESH_TTL_MS = 365 * 24 * 3_600_000;
/** The access scopes every sandbox app is granted. */
export const GRANTED_SCOPES = ["seller.authorization.info", "seller.order.info", "seller.return_refund.basic", "seller.return_refund.write", "seller.webhook"];

const hashOf = (value: string) => createHash("sha256").update(value).digest("hex");
const secretValue = (bytes: number) => randomBytes(bytes).toString("base64url");

/** A shop's cipher: the identifier calls name the shop by (stable, derived from its id; not a secret). */
export function shopCipher(shopId: string): string {
  return `ROW_${createHash("sha256").update(`cipher:${shopId}`).digest("base64url").slice(0, 24)}`;
}

export interface NewApp {
  appId: string;
  appKey: string;
  appSecret: string;
  authCode: string;
  codeExpiresAt: Date;
}

/** A new app for the seller's shop, with its first authorization code (all three shown once). */
export async function createApp(db: Db, input: { worldId: string; shopId: string; sellerId: string; name: string }, realNow: Date): Promise<NewApp> {
  const appId = worldScopedId(input.worldId, `app-${randomBytes(6).toString("hex")}`);
  const appKey = randomBytes(7).toString("hex");
  const appSecret = randomBytes(20).toString("hex");
  await db.apiApp.create({ data: { id: appId, worldId: input.worldId, shopId: input.shopId, name: input.name, appKey, appSecret, createdById: input.sellerId, createdAt: realNow } });
  const { authCode, codeExpiresAt } = await newAuthCode(db, appId, realNow);
  return { appId, appKey, appSecret, authCode, codeExpiresAt };
}

/** Another authorization code for an app (the seller authorizes it again). */
export async function newAuthCode(db: Db, appId: string, realNow: Date): Promise<{ authCode: string; codeExpiresAt: Date }> {
  const authCode = secretValue(24);
  const codeExpiresAt = new Date(realNow.getTime() + CODE_TTL_MS);
  await db.apiCredential.create({ data: { id: secretValue(12), appId, kind: "CODE", valueHash: hashOf(authCode), expiresAt: codeExpiresAt, createdAt: realNow } });
  return { authCode, codeExpiresAt };
}

export interface TokenData {
  access_token: string;
  access_token_expire_in: number;
  refresh_token: string;
  refresh_token_expire_in: number;
  open_id: string;
  seller_name: string;
  seller_base_region: string;
  user_type: number;
  granted_scopes: string[];
}

async function appByKey(db: Db, appKey: string | null, appSecret: string | null) {
  if (!appKey) throw API_ERRORS.badAppKey();
  const app = await db.apiApp.findUnique({ where: { appKey } });
  if (!app || app.revokedAt) throw API_ERRORS.badAppKey();
  if (appSecret !== app.appSecret) throw API_ERRORS.badGrant("The `app_secret` does not match the app.");
  return app;
}

/** `grant_type=authorized_code`: a code (once, before it expires) for a pair of tokens. */
export async function exchangeCode(db: Db, input: { appKey: string | null; appSecret: string | null; code: string | null; grantType: string | null }, realNow: Date): Promise<TokenData> {
  const app = await appByKey(db, input.appKey, input.appSecret);
  if (input.grantType !== "authorized_code") throw API_ERRORS.badParam("`grant_type` must be `authorized_code`.");
  if (!input.code) throw API_ERRORS.badParam("`auth_code` is required.");
  const code = await db.apiCredential.findUnique({ where: { valueHash: hashOf(input.code) } });
  if (!code || code.kind !== "CODE" || code.appId !== app.id) throw API_ERRORS.badGrant("The `auth_code` is invalid.");
  if (code.expiresAt <= realNow) throw API_ERRORS.badGrant("The `auth_code` has expired.");
  // Used once: of two exchanges of the same code (a retry, a replay), one claims it.
  const claimed = await db.apiCredential.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: realNow } });
  if (claimed.count !== 1) throw API_ERRORS.badGrant("The `auth_code` has already been used.");
  return issueTokens(db, app, realNow);
}

/** `grant_type=refresh_token`: a refresh token for a new pair; the old pair ends. */
export async function refreshTokens(db: Db, input: { appKey: string | null; appSecret: string | null; refreshToken: string | null; grantType: string | null }, realNow: Date): Promise<TokenData> {
  const app = await appByKey(db, input.appKey, input.appSecret);
  if (input.grantType !== "refresh_token") throw API_ERRORS.badParam("`grant_type` must be `refresh_token`.");
  if (!input.refreshToken) throw API_ERRORS.badParam("`refresh_token` is required.");
  const refresh = await db.apiCredential.findUnique({ where: { valueHash: hashOf(input.refreshToken) } });
  if (!refresh || refresh.kind !== "REFRESH" || refresh.appId !== app.id) throw API_ERRORS.badGrant("The `refresh_token` is invalid.");
  if (refresh.expiresAt <= realNow) throw API_ERRORS.badGrant("The `refresh_token` has expired.");
  const claimed = await db.apiCredential.updateMany({ where: { id: refresh.id, usedAt: null }, data: { usedAt: realNow } });
  if (claimed.count !== 1) throw API_ERRORS.badGrant("The `refresh_token` is invalid.");
  // The access token issued with it ends too.
  await db.apiCredential.updateMany({ where: { pairId: refresh.id, kind: "ACCESS", usedAt: null }, data: { usedAt: realNow } });
  return issueTokens(db, app, realNow);
}

async function issueTokens(db: Db, app: { id: string; shopId: string; createdById: string }, realNow: Date): Promise<TokenData> {
  const access = `TTP_${secretValue(30)}`;
  const refresh = `TTP_${secretValue(30)}`;
  const refreshId = secretValue(12);
  const accessExpires = new Date(realNow.getTime() + ACCESS_TTL_MS);
  const refreshExpires = new Date(realNow.getTime() + REFRESH_TTL_MS);
  await db.apiCredential.createMany({
    data: [
      { id: refreshId, appId: app.id, kind: "REFRESH", valueHash: hashOf(refresh), expiresAt: refreshExpires, createdAt: realNow },
      { id: secretValue(12), appId: app.id, kind: "ACCESS", valueHash: hashOf(access), pairId: refreshId, expiresAt: accessExpires, createdAt: realNow },
    ],
  });
  const shop = await db.shop.findUniqueOrThrow({ where: { id: app.shopId }, select: { name: true, policyProfile: true } });
  return {
    access_token: access,
    access_token_expire_in: Math.floor(accessExpires.getTime() / 1000),
    refresh_token: refresh,
    refresh_token_expire_in: Math.floor(refreshExpires.getTime() / 1000),
    open_id: createHash("sha256").update(`open:${app.createdById}`).digest("hex").slice(0, 32),
    seller_name: shop.name,
    seller_base_region: shop.policyProfile === "US" ? "US" : "SG",
    user_type: 0,
    granted_scopes: GRANTED_SCOPES,
  };
}

/** What the gateway checks a call against, read in one statement: the app by its key, its shop and seller, the world's clock, and the access token given. */
export interface CallFacts {
  app: { id: string; shopId: string; worldId: string; appSecret: string; revoked: boolean } | null;
  shop: { id: string; worldId: string; name: string; policyProfile: string } | null;
  seller: { id: string; name: string } | null;
  aheadMs: number;
  token: { appId: string; kind: string; used: boolean; expiresAt: Date } | null;
}

export async function callFacts(db: Db, appKey: string, token: string | null): Promise<CallFacts> {
  const rows = await db.$queryRawUnsafe<Record<string, string | number | bigint | null>[]>(
    `SELECT a."id", a."shopId", a."worldId", a."appSecret", a."revokedAt", s."name" AS "shopName", s."policyProfile", s."worldId" AS "shopWorld", w."aheadMs",
            (SELECT u."id" FROM "User" u WHERE u."shopId" = a."shopId" AND u."role" = 'SELLER' ORDER BY u."sortOrder" LIMIT 1) AS "sellerId",
            (SELECT u."name" FROM "User" u WHERE u."shopId" = a."shopId" AND u."role" = 'SELLER' ORDER BY u."sortOrder" LIMIT 1) AS "sellerName",
            c."appId" AS "tokenApp", c."kind" AS "tokenKind", c."usedAt" AS "tokenUsed", c."expiresAt" AS "tokenExpires"
       FROM "ApiApp" a
       LEFT JOIN "Shop" s ON s."id" = a."shopId"
       LEFT JOIN "World" w ON w."id" = s."worldId"
       LEFT JOIN "ApiCredential" c ON c."valueHash" = ?
      WHERE a."appKey" = ?`,
    token ? hashOf(token) : "",
    appKey,
  );
  const row = rows[0];
  if (!row) return { app: null, shop: null, seller: null, aheadMs: 0, token: null };
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    app: { id: String(row.id), shopId: String(row.shopId), worldId: String(row.worldId), appSecret: String(row.appSecret), revoked: row.revokedAt !== null },
    shop: row.shopName === null ? null : { id: String(row.shopId), worldId: String(row.shopWorld), name: String(row.shopName), policyProfile: String(row.policyProfile) },
    seller: row.sellerId === null ? null : { id: String(row.sellerId), name: String(row.sellerName) },
    aheadMs: Number(row.aheadMs ?? 0),
    token: row.tokenApp === null ? null : { appId: String(row.tokenApp), kind: String(row.tokenKind), used: row.tokenUsed !== null, expiresAt: new Date(text(row.tokenExpires)!) },
  };
}
