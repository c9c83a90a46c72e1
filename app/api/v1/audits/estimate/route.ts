import { estimateAuditCost, estimateAuditSchema, modelVersionIdOf } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/audits/estimate — what an audit ({model, version, kind, config}) would cost: training runs × seconds each.
export const POST = withPermission("audits.run", async ({ request }) => {
  const { model, version, kind, config } = estimateAuditSchema.parse(await readJsonBody(request));
  const db = getDb();
  return jsonResponse(await estimateAuditCost(db, { modelVersionId: await modelVersionIdOf(db, model, version), kind, config }));
});
