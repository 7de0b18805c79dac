import "server-only";
/** The token endpoints (`/api/v2/token/get` and `/refresh`): no signature, the app's key and secret in the query, as on the platform. */
import { z } from "zod";
import { systemClock } from "@/lib/clock";
import { ApiError, apiFail, apiOk } from "@/lib/api/envelope";
import { db } from "../db";
import { exchangeCode, refreshTokens } from "./credentials";

const appQuery = {
  app_key: z.string().describe("The app's key."),
  app_secret: z.string().describe("The app's secret."),
};

/** The token endpoints' query, for the reference (credentials.ts checks each value and answers the platform's error for it). */
export const TOKEN_QUERIES = {
  get: z.object({ ...appQuery, auth_code: z.string().describe("The authorization code shown once on Developer apps (1 hour)."), grant_type: z.literal("authorized_code") }),
  refresh: z.object({ ...appQuery, refresh_token: z.string().describe("The refresh token (365 days)."), grant_type: z.literal("refresh_token") }),
} as const;

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
