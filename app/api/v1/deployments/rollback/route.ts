import { getDb } from "@/lib/db";
import { deployInputSchema, rollback } from "@/lib/deploy";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/deployments/rollback — go back to an earlier approved version, with a reason.
export const POST = withPermission("deployments.write", async ({ request, principal }) => {
  const input = deployInputSchema.parse(await readJsonBody(request));
  return jsonResponse(await rollback(getDb(), principal, input), { status: 201 });
});
