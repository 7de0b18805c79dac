import { SANDBOX_ROUTES } from "@/lib/server/api/endpoints/sandbox";
import { serveApi } from "@/lib/server/api/gateway";

/** The sandbox's own controls, `/sandbox/202309/…` (issue 31): a world of one's own, the clock, the carrier, the buyer. */
export function POST(request: Request): Promise<Response> {
  return serveApi(request, SANDBOX_ROUTES);
}
