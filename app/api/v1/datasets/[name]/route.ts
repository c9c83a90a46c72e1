import { getDb } from "@/lib/db";
import { getDatasetByName } from "@/lib/datasets";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/datasets/{name} — the dataset with its versions and their lineage.
export const GET = withPermission<{ name: string }>("datasets.read", async ({ params }) => {
  return jsonResponse(await getDatasetByName(getDb(), params.name));
});
