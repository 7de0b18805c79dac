import { appOrigin } from "@/lib/server/app-origin";
import { openApiDocument } from "@/lib/server/api/openapi";

/** The API's OpenAPI 3.1 document (issue 31), generated from the gateway's routes and their zod schemas. */
export function GET(): Response {
  return Response.json(openApiDocument(appOrigin().origin), { headers: { "Cache-Control": "no-store" } });
}
