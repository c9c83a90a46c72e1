import { z } from "zod";
import { getDatasetVersion } from "@/lib/datasets";
import { getDb } from "@/lib/db";
import { duplicatePairQuerySchema, getRecordPair } from "@/lib/findings";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// GET /api/v1/datasets/{name}/versions/{version}/record-pair?a=…&b=…[&otherVersionId=…] — two records that a
// finding or duplicate pair names, for a diff; masked from the stored PII scan unless the caller has
// pii.unmasked, whose raw readings go into the audit log.
export const GET = withPermission<{ name: string; version: string }>("findings.read", async ({ request, params, principal }) => {
  const { name, version } = paramsSchema.parse(params);
  const query = duplicatePairQuerySchema.parse(queryOf(request));
  const db = getDb();
  const { id } = await getDatasetVersion(db, name, version);
  return jsonResponse(await getRecordPair(db, principal, id, query));
});
