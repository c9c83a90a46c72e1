import { getDb } from "@/lib/db";
import { triageFinding, triageFindingSchema } from "@/lib/findings";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// PATCH /api/v1/findings/{id} — triage: {status, reason}; compliance officers, admins and the dataset's owner.
export const PATCH = withPermission<{ id: string }>("findings.triage", async ({ request, params, principal }) => {
  const input = triageFindingSchema.parse(await readJsonBody(request));
  return jsonResponse(await triageFinding(getDb(), principal, params.id, input));
});
