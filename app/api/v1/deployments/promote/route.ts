import { getDb } from "@/lib/db";
import { deployInputSchema, promote } from "@/lib/deploy";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/deployments/promote — point an environment at a version whose latest scorecard is approved.
export const POST = withPermission("deployments.write", async ({ request, principal }) => {
  const input = deployInputSchema.parse(await readJsonBody(request));
  return jsonResponse(await promote(getDb(), principal, input), { status: 201 });
});
