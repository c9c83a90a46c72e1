import { getDb } from "@/lib/db";
import { getTrainingRun } from "@/lib/training";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/training-runs/{id} — status, live progress (step, ε, eval-set loss and accuracy, curves), job;
// figures computed on training rows only for the dataset's owner and pii.unmasked roles.
export const GET = withPermission<{ id: string }>("models.read", async ({ params, principal }) => {
  return jsonResponse(await getTrainingRun(getDb(), params.id, principal));
});
