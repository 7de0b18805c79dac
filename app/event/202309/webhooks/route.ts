import { EVENT_ROUTES } from "@/lib/server/api/endpoints/events";
import { serveApi } from "@/lib/server/api/gateway";

/** The platform's `GET/PUT/DELETE /event/202309/webhooks` (issue 31). */
export function GET(request: Request): Promise<Response> {
  return serveApi(request, EVENT_ROUTES);
}
export function PUT(request: Request): Promise<Response> {
  return serveApi(request, EVENT_ROUTES);
}
export function DELETE(request: Request): Promise<Response> {
  return serveApi(request, EVENT_ROUTES);
}
