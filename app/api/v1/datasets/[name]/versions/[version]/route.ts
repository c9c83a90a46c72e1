import { z } from "zod";
import { getDb } from "@/lib/db";
import { getDatasetVersion } from "@/lib/datasets";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// GET /api/v1/datasets/{name}/versions/{version} — one version, its status and lineage.
export const GET = withPermission<{ name: string; version: string }>("datasets.read", async ({ params }) => {
  const { name, version } = paramsSchema.parse(params);
  return jsonResponse(await getDatasetVersion(getDb(), name, version));
});
