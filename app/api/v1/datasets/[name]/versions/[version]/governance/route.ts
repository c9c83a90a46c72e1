import { z } from "zod";
import { getDatasetVersion } from "@/lib/datasets";
import { getDb } from "@/lib/db";
import { getGovernanceSummary } from "@/lib/findings";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// GET /api/v1/datasets/{name}/versions/{version}/governance — open findings, license, duplicates, contamination, k.
export const GET = withPermission<{ name: string; version: string }>("findings.read", async ({ params }) => {
  const { name, version } = paramsSchema.parse(params);
  const db = getDb();
  const { id } = await getDatasetVersion(db, name, version);
  return jsonResponse(await getGovernanceSummary(db, id));
});
