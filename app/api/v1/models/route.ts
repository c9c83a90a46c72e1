import { getDb } from "@/lib/db";
import { createModel, listModels, listModelsQuerySchema } from "@/lib/models";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, readJsonBody, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/models?page&pageSize&sort&order&q — one page of models with their latest version.
export const GET = withPermission("models.read", async ({ request }) => {
  return jsonResponse(await listModels(getDb(), listModelsQuerySchema.parse(queryOf(request))));
});

// POST /api/v1/models — create an empty model (versions come from training or upload).
export const POST = withPermission("models.write", async ({ request, principal }) => {
  return jsonResponse(await createModel(getDb(), principal, await readJsonBody(request)), { status: 201 });
});
