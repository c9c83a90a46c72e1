import { getDb } from "@/lib/db";
import { startTrainingRun } from "@/lib/training";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/training-runs — start a DP training run (201 with run and job), or with dryRun only plan it
// (planned ε, σ, budgets); 409 when the planned ε exceeds a budget.
export const POST = withPermission("models.write", async ({ request, principal }) => {
  const result = await startTrainingRun(getDb(), principal, await readJsonBody(request));
  return jsonResponse(result, { status: result.run ? 201 : 200 });
});
