/**
 * The platform's request signature (issue 31): hex HMAC-SHA256, keyed with the app secret, over
 * secret + path + every query parameter but `sign` and `access_token`, sorted by name, each written
 * name then value + the body exactly as sent + secret. Pure (node:crypto only): the route handlers
 * verify with it, the tests and the guide's examples sign with it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Query parameters that are not signed. */
const UNSIGNED = new Set(["sign", "access_token"]);

export function signingString(secret: string, path: string, query: URLSearchParams | Record<string, string>, body: string): string {
  const entries = (query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query)).filter(([name]) => !UNSIGNED.has(name));
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${secret}${path}${entries.map(([name, value]) => `${name}${value}`).join("")}${body}${secret}`;
}

export function sign(secret: string, path: string, query: URLSearchParams | Record<string, string>, body: string): string {
  return createHmac("sha256", secret).update(signingString(secret, path, query, body)).digest("hex");
}

/** Whether `given` is the signature of this request, compared in constant time. */
export function signatureMatches(secret: string, path: string, query: URLSearchParams, body: string, given: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = Buffer.from(sign(secret, path, query, body), "hex");
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}

/** A webhook's `Authorization` header: hex HMAC-SHA256 keyed with the app secret over the app key + the raw body. */
export function webhookSignature(appKey: string, appSecret: string, body: string): string {
  return createHmac("sha256", appSecret).update(`${appKey}${body}`).digest("hex");
}
