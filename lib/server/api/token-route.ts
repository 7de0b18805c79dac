import "server-only";
/** The token endpoints (`/api/v2/token/get` and `/refresh`): no signature, the app's key and secret in the query, as on the platform. */
import { systemClock } from "@/lib/clock";
import { ApiError, apiFail, apiOk } from "@/lib/api/envelope";
import { db } from "../db";
import { exchangeCode, refreshTokens } from "./credentials";

export async function tokenResponse(request: Request, kind: "get" | "refresh"): Promise<Response> {
  const realNow = systemClock.now();
  const query = new URL(request.url).searchParams;
  const common = { appKey: query.get("app_key"), appSecret: query.get("app_secret"), grantType: query.get("grant_type") };
  try {
    const data = kind === "get" ? await exchangeCode(db, { ...common, code: query.get("auth_code") }, realNow) : await refreshTokens(db, { ...common, refreshToken: query.get("refresh_token") }, realNow);
    return apiOk(data, realNow);
  } catch (error) {
    if (error instanceof ApiError) return apiFail(error, realNow);
    throw error;
  }
}
