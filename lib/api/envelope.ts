/**
 * The platform's response envelope and error codes (issue 31): every answer is
 * `{ code, message, request_id, data }`, code 0 for success. The codes are the platform's where its
 * documentation names one (the common-errors page: 36009004 for a bad parameter or credential, 106001
 * for a bad signature, 105002 for an expired token, 105005 for a missing permission, 36009009 for an
 * unknown path; 25001021 "reason not match order status" from the after-sales pages; 36009002 with
 * HTTP 429 for too many calls, our choice where the pages we have name no code); see
 * docs/decisions/025. Pure.
 */
import { randomBytes } from "node:crypto";

export class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus: number = 400,
    /** Seconds to wait before trying again (a 429's Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const API_ERRORS = {
  noSign: () => new ApiError(36009004, "Missing credentials. The request does not include a required signature in the query.", 401),
  badTimestamp: () => new ApiError(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.", 401),
  badAppKey: () => new ApiError(36009004, "Invalid credentials. Invalid `app_key` query parameter.", 401),
  badSign: () => new ApiError(106001, "Invalid credentials. The request signature does not match.", 401),
  badToken: () => new ApiError(36009004, "Invalid credentials. The `x-tts-access-token` header is invalid.", 401),
  expiredToken: () => new ApiError(105002, "Expired credentials. The `x-tts-access-token` header has expired.", 401),
  noPermission: () => new ApiError(105005, "Access denied. This app has not been granted any access scope required by this endpoint.", 403),
  cipherNeeded: () => new ApiError(36009004, "Missing identifier. The `shop_cipher` query parameter is required for this request.", 400),
  cipherNotExpected: () => new ApiError(36009004, "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.", 400),
  badCipher: () => new ApiError(36009004, "Invalid identifier. The `shop_cipher` query parameter is invalid.", 400),
  unknownId: (what: string) => new ApiError(36009004, `Invalid identifier. The \`${what}\` is not found.`, 404),
  badParam: (detail: string) => new ApiError(36009004, `Invalid parameter. ${detail}`, 400),
  bodyTooLarge: () => new ApiError(36009004, "Invalid parameter. The request body is larger than 1 MB.", 413),
  unknownPath: () => new ApiError(36009009, "Invalid path. The requested API path does not exist.", 404),
  refused: (why: string) => new ApiError(25001021, why, 200),
  idempotencyReused: () => new ApiError(36009004, "Invalid parameter. This `idempotency_key` was used with another request body.", 409),
  badGrant: (detail: string) => new ApiError(36004004, `Invalid credentials. ${detail}`, 401),
  tooMany: (perSecond: number, retryAfterSeconds: number) => new ApiError(36009002, `Too many requests. This app may make ${perSecond} calls a second: try again in ${retryAfterSeconds} s.`, 429, retryAfterSeconds),
} as const;

/** A request id in the platform's shape: a timestamp and random hex. */
export function requestId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
  return `${stamp}${randomBytes(10).toString("hex").toUpperCase()}`;
}

export function apiOk(data: unknown, now: Date): Response {
  return Response.json({ code: 0, message: "Success", request_id: requestId(now), data }, { headers: { "Cache-Control": "no-store" } });
}

export function apiFail(error: ApiError, now: Date): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store", ...(error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {}) };
  return Response.json({ code: error.code, message: error.message, request_id: requestId(now), data: {} }, { status: error.httpStatus, headers });
}
