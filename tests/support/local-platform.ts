/**
 * The platform's origins, answered in this process by the app's own route handlers: a client whose
 * base URLs are fixed (tiktok-shop-sdk) is pointed at this app by rewriting the origin in `fetch`,
 * exactly as a developer points theirs at a sandbox.
 */
import * as tokenGet from "@/app/api/v2/token/get/route";
import * as tokenRefresh from "@/app/api/v2/token/refresh/route";
import * as shops from "@/app/authorization/202309/shops/route";
import * as returnRefund from "@/app/return_refund/202309/[...path]/route";
import * as orders from "@/app/order/202309/[...path]/route";
import * as sandbox from "@/app/sandbox/202309/[...path]/route";
import * as webhooks from "@/app/event/202309/webhooks/route";
import { sign } from "@/lib/api/signature";

type Handlers = Partial<Record<"GET" | "POST" | "PUT" | "DELETE", (request: Request) => Promise<Response>>>;

const PLATFORM_HOSTS = new Set(["open-api.tiktokglobalshop.com", "auth.tiktok-shops.com"]);

function handlersFor(path: string): Handlers | null {
  if (path === "/api/v2/token/get") return tokenGet;
  if (path === "/api/v2/token/refresh") return tokenRefresh;
  if (path === "/authorization/202309/shops") return shops;
  if (path.startsWith("/return_refund/202309/")) return returnRefund;
  if (path.startsWith("/order/202309/")) return orders;
  if (path.startsWith("/sandbox/202309/")) return sandbox;
  if (path === "/event/202309/webhooks") return webhooks;
  return null;
}

/** Every request the app received, as a client sent it. */
export const received: { method: string; path: string }[] = [];

/** Installs the rewrite; returns the function that takes it out again. */
export function pointPlatformAtThisApp(): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!PLATFORM_HOSTS.has(url.host)) return original(input, init);
    const local = new Request(`http://127.0.0.1:3000${url.pathname}${url.search}`, init);
    received.push({ method: local.method, path: url.pathname });
    const handler = handlersFor(url.pathname)?.[local.method as keyof Handlers];
    if (!handler) return Response.json({ code: 36009009, message: "Invalid path. The requested API path does not exist.", request_id: "local", data: {} }, { status: 404 });
    return handler(local);
  }) as typeof fetch;
  return () => {
    globalThis.fetch = original;
  };
}

export interface Credentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  cipher: string | null;
}

/** A raw signed call, as a client written from the platform's documentation sends it (not through the SDK). */
export async function signedCall(
  creds: Credentials,
  path: string,
  options: { method?: string; body?: string; query?: Record<string, string>; secret?: string; token?: string; timestamp?: number; cipher?: string | null } = {},
): Promise<{ status: number; json: { code: number; message: string; request_id: string; data: Record<string, unknown> } }> {
  const cipher = options.cipher === undefined ? creds.cipher : options.cipher;
  const query: Record<string, string> = { app_key: creds.appKey, timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)), ...(cipher ? { shop_cipher: cipher } : {}), ...(options.query ?? {}) };
  const body = options.body ?? "";
  query.sign = sign(options.secret ?? creds.appSecret, path, query, body);
  const response = await fetch(`https://open-api.tiktokglobalshop.com${path}?${new URLSearchParams(query)}`, {
    method: options.method ?? "POST",
    headers: { "content-type": "application/json", "x-tts-access-token": options.token ?? creds.accessToken },
    body: body || undefined,
  });
  return { status: response.status, json: (await response.json()) as { code: number; message: string; request_id: string; data: Record<string, unknown> } };
}
