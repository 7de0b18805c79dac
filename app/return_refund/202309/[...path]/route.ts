import { CANCELLATION_ROUTES } from "@/lib/server/api/endpoints/cancellations";
import { RETURN_ROUTES } from "@/lib/server/api/endpoints/returns";
import { serveApi } from "@/lib/server/api/gateway";

/** The platform's after-sales API, `/return_refund/202309/…` (issue 31): every path answered by lib/server/api. */
const ROUTES = [...CANCELLATION_ROUTES, ...RETURN_ROUTES];

export function GET(request: Request): Promise<Response> {
  return serveApi(request, ROUTES);
}
export function POST(request: Request): Promise<Response> {
  return serveApi(request, ROUTES);
}
