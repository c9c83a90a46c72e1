import { getDb } from "@/lib/db";
import { listDatasets, listDatasetsQuerySchema, registerDataset, registerDatasetSchema } from "@/lib/datasets";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, readJsonBody, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/datasets?page&pageSize&sort&order&q&consentBasis&intendedUse — one page of datasets.
export const GET = withPermission("datasets.read", async ({ request }) => {
  const query = listDatasetsQuerySchema.parse(queryOf(request));
  return jsonResponse(await listDatasets(getDb(), query));
});

// POST /api/v1/datasets — register a dataset and its provenance.
export const POST = withPermission("datasets.write", async ({ request, principal }) => {
  const input = registerDatasetSchema.parse(await readJsonBody(request));
  return jsonResponse(await registerDataset(getDb(), principal, input), { status: 201 });
});
