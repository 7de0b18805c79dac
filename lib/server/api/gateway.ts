import "server-only";
/**
 * The platform's API at the server's root (issue 31): every call is checked as the platform checks it
 * — the path, the body's size, `app_key`, `timestamp` within 5 minutes of real time, `sign`, the
 * `x-tts-access-token` header and, for a shop's resources, `shop_cipher` — then its handler runs the
 * same services as the pages, as the shop's seller, at the world's time. Every answer is the
 * platform's envelope; nothing is thrown at the client.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { z } from "zod";
import { systemClock } from "@/lib/clock";
import { ApiError, API_ERRORS, apiFail, apiOk } from "@/lib/api/envelope";
import { signatureMatches } from "@/lib/api/signature";
import type { SessionUser } from "../auth/session-user";
import { db, readDb } from "../db";
import type { Db } from "../prisma";
import { callFacts, shopCipher } from "./credentials";

export const MAX_API_BODY_BYTES = 1024 * 1024;

/**
 * Calls per app and second (`LIMIT_API_PER_SECOND`, default 200): forty times what a well-known
 * sandbox allows, and a runaway loop in one integration cannot starve the others. Counted in memory
 * (one server, one process), after the signature: only an app's own calls use its allowance.
 */
export const API_CALLS_PER_SECOND = (() => {
  const value = Number(process.env.LIMIT_API_PER_SECOND);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 200;
})();
let callsPerSecond = API_CALLS_PER_SECOND;
let perApp = new RateLimiterMemory({ points: callsPerSecond, duration: 1 });

/** For tests: another allowance (fresh counts). */
export function setApiCallsPerSecond(points: number): void {
  callsPerSecond = points;
  perApp = new RateLimiterMemory({ points, duration: 1 });
}

async function takeCall(appId: string): Promise<void> {
  try {
    await perApp.consume(appId);
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    throw API_ERRORS.tooMany(callsPerSecond, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
  }
}
export const TIMESTAMP_SKEW_S = 300;

export interface ApiContext {
  /** The writer (commands, and reads that must see them). */
  db: Db;
  /** The read connection (searches and reads). */
  read: Db;
  app: { id: string; shopId: string; worldId: string };
  shop: { id: string; worldId: string; name: string; policyProfile: string };
  /** The shop's seller, who the API acts as. */
  seller: SessionUser;
  realNow: Date;
  /** The world's time. */
  now: Date;
  query: URLSearchParams;
  body: unknown;
  params: Record<string, string>;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path with `{name}` for a parameter. */
  path: string;
  /** Needs `shop_cipher` (a shop's resources); false: refuses one. */
  shop: boolean;
  /** One line for the reference (the OpenAPI document and its page). */
  summary: string;
  /** The JSON body: the gateway validates it with this schema and the handler gets what it parsed; the reference documents it. */
  body?: z.ZodType;
  /** The endpoint's own query parameters (beyond the common ones), documented in the reference. */
  query?: z.ZodObject;
  handle: (ctx: ApiContext, body: unknown) => Promise<unknown>;
}

/** A route whose handler receives its body as the schema parsed it. */
export function apiRoute<S extends z.ZodType>(route: Omit<ApiRoute, "body" | "handle"> & { body: S; handle: (ctx: ApiContext, body: z.output<S>) => Promise<unknown> }): ApiRoute;
export function apiRoute(route: Omit<ApiRoute, "body" | "handle"> & { handle: (ctx: ApiContext) => Promise<unknown> }): ApiRoute;
export function apiRoute(route: ApiRoute): ApiRoute {
  return route;
}

/** Zod's issues as one message: the field, then what is wrong (a message that already names its field in backticks stands alone). */
export function issuesMessage(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => (issue.path.length === 0 || issue.message.startsWith("`") ? issue.message : `\`${issue.path.join(".")}\`: ${issue.message}`)).join("; ");
}

function match(route: ApiRoute, method: string, path: string): Record<string, string> | null {
  if (route.method !== method) return null;
  const names: string[] = [];
  const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([A-Za-z0-9_-]{1,100})"))}$`);
  const found = pattern.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, found[i + 1]!]));
}

async function readBody(request: Request): Promise<string> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_API_BODY_BYTES) throw API_ERRORS.bodyTooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_API_BODY_BYTES) throw API_ERRORS.bodyTooLarge();
  return text;
}

/** Answers one API request with the routes given. */
export async function serveApi(request: Request, routes: readonly ApiRoute[]): Promise<Response> {
  const realNow = systemClock.now();
  try {
    const url = new URL(request.url);
    let params: Record<string, string> | null = null;
    const route = routes.find((candidate) => (params = match(candidate, request.method, url.pathname)) !== null);
    if (!route || !params) throw API_ERRORS.unknownPath();
    const raw = request.method === "GET" || request.method === "HEAD" ? "" : await readBody(request);
    const query = url.searchParams;

    const appKey = query.get("app_key");
    // One read for every check below (the app, its shop and seller, the world's clock, the token).
    const facts = appKey ? await callFacts(readDb, appKey, request.headers.get("x-tts-access-token")) : null;
    const app = facts?.app;
    if (!app || app.revoked) throw API_ERRORS.badAppKey();
    const given = query.get("sign");
    if (!given) throw API_ERRORS.noSign();
    const timestamp = Number(query.get("timestamp"));
    if (!Number.isInteger(timestamp) || Math.abs(realNow.getTime() / 1000 - timestamp) > TIMESTAMP_SKEW_S) throw API_ERRORS.badTimestamp();
    // The body as sent; an empty JSON object may also have been signed as no body (clients differ).
    const signed = signatureMatches(app.appSecret, url.pathname, query, raw, given) || (raw.trim() === "{}" && signatureMatches(app.appSecret, url.pathname, query, "", given));
    if (!signed) throw API_ERRORS.badSign();
    const token = facts.token;
    if (!token || token.kind !== "ACCESS" || token.used || token.appId !== app.id) throw API_ERRORS.badToken();
    if (token.expiresAt <= realNow) throw API_ERRORS.expiredToken();
    await takeCall(app.id);
    const cipher = query.get("shop_cipher");
    if (route.shop && !cipher) throw API_ERRORS.cipherNeeded();
    if (route.shop && cipher !== shopCipher(app.shopId)) throw API_ERRORS.badCipher();
    if (!route.shop && cipher) throw API_ERRORS.cipherNotExpected();

    let body: unknown = {};
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        throw API_ERRORS.badParam("The request body is not valid JSON.");
      }
    }
    if (route.body) {
      const parsed = route.body.safeParse(body);
      if (!parsed.success) throw API_ERRORS.badParam(issuesMessage(parsed.error.issues));
      body = parsed.data;
    }
    const { shop, seller } = facts;
    if (!shop || !seller) throw API_ERRORS.noPermission();
    const now = new Date(realNow.getTime() + facts.aheadMs);
    const data = await route.handle({
      db,
      read: readDb,
      app: { id: app.id, shopId: app.shopId, worldId: app.worldId },
      shop,
      seller: { id: seller.id, worldId: shop.worldId, role: "SELLER", name: seller.name, shopId: shop.id, shopName: shop.name },
      realNow,
      now,
      query,
      body,
      params,
    }, body);
    return apiOk(data, realNow);
  } catch (error) {
    if (error instanceof ApiError) return apiFail(error, realNow);
    console.error("API request failed:", error);
    return apiFail(new ApiError(36009003, "Internal error. Please try again later.", 500), realNow);
  }
}
