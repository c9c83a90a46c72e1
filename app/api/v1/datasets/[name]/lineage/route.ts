import { getDatasetByName, getDatasetVersion } from "@/lib/datasets";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lineageQuerySchema, loadLineageView } from "@/lib/governance";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/datasets/{name}/lineage[?version=N] — a version's ancestors and descendants, with transformations.
export const GET = withPermission<{ name: string }>("datasets.read", async ({ request, params }) => {
  const query = lineageQuerySchema.parse(queryOf(request));
  const db = getDb();
  const dataset = await getDatasetByName(db, params.name);
  const number = query.version ?? Math.max(0, ...dataset.versions.map((v) => v.version));
  if (number === 0) throw new AppError("not_found", `dataset "${params.name}" has no versions yet`);
  const { id } = await getDatasetVersion(db, params.name, number);
  return jsonResponse(await loadLineageView(db, id));
});
