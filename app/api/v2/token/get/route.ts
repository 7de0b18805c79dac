import { tokenResponse } from "@/lib/server/api/token-route";

/** The platform's `GET /api/v2/token/get`: an authorization code for an access and a refresh token (issue 31). */
export function GET(request: Request): Promise<Response> {
  return tokenResponse(request, "get");
}
