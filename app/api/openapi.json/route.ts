import { openApiDocument } from "@/lib/api-docs/openapi";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this API (public: it describes how to call the API, and holds no secret). */
export const GET = publicRoute(async () => Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" } }));
