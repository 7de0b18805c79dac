import { SHOP_ROUTES } from "@/lib/server/api/endpoints/shops";
import { serveApi } from "@/lib/server/api/gateway";

/** The platform's `GET /authorization/202309/shops` (issue 31). */
export function GET(request: Request): Promise<Response> {
  return serveApi(request, SHOP_ROUTES);
}
