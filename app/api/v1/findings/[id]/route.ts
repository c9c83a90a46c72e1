import { getDb } from "@/lib/db";
import { triageFinding, triageFindingSchema } from "@/lib/findings";
import { enqueueRegrade } from "@/lib/queue";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// PATCH /api/v1/findings/{id} — triage: {status, reason}; compliance officers, admins and the dataset's owner.
export const PATCH = withPermission<{ id: string }>("findings.triage", async ({ request, params, principal }) => {
  const input = triageFindingSchema.parse(await readJsonBody(request));
  const finding = await triageFinding(getDb(), principal, params.id, input);
  // Open findings are scorecard evidence: the versions trained on this data are regraded.
  await enqueueRegrade(getDb(), { datasetVersionId: finding.datasetVersionId }, "finding triaged");
  return jsonResponse(finding);
});
