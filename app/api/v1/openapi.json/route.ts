import { buildOpenApiDocument } from "@/lib/api";
import { jsonResponse } from "@/app/_server/json-response";
import { withPublicAccess } from "@/app/_server/with-permission";

// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (public).
export const GET = withPublicAccess(async () => jsonResponse(buildOpenApiDocument()));
