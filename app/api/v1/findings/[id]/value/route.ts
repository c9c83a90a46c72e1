import { getDb } from "@/lib/db";
import { getFindingValue } from "@/lib/findings";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/findings/{id}/value — a PII finding's value, unmasked, read from the file now (audit-logged).
export const GET = withPermission<{ id: string }>("pii.unmasked", async ({ params, principal }) => {
  return jsonResponse(await getFindingValue(getDb(), principal, params.id));
});
