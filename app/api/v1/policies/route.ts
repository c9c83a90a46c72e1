import { getDb } from "@/lib/db";
import { listPolicyVersions, savePolicySchema, savePolicyVersion } from "@/lib/scorecard";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/policies — every version of the organisation's privacy policy, newest (current) first.
export const GET = withPermission("policies.read", async () => {
  return jsonResponse({ items: await listPolicyVersions(getDb()) });
});

// POST /api/v1/policies — save a document as the next version; errors name the JSON path. Regrades scorecards.
export const POST = withPermission("policies.write", async ({ request, principal }) => {
  const input = savePolicySchema.parse(await readJsonBody(request));
  return jsonResponse(await savePolicyVersion(getDb(), principal, input), { status: 201 });
});
