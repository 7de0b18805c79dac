import { tokenResponse } from "@/lib/server/api/token-route";

/** The platform's `GET /api/v2/token/refresh`: a refresh token for a new pair (issue 31). */
export function GET(request: Request): Promise<Response> {
  return tokenResponse(request, "refresh");
}
