import { ORDER_ROUTES } from "@/lib/server/api/endpoints/orders";
import { serveApi } from "@/lib/server/api/gateway";

/** The platform's order API, `/order/202309/…` (issue 31). */
export function GET(request: Request): Promise<Response> {
  return serveApi(request, ORDER_ROUTES);
}
export function POST(request: Request): Promise<Response> {
  return serveApi(request, ORDER_ROUTES);
}
