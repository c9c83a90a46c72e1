import { getDb } from "@/lib/db";
import { getTrainingRun } from "@/lib/training";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/training-runs/{id} — status, live progress (step, loss, accuracy, ε, curves), job.
export const GET = withPermission<{ id: string }>("models.read", async ({ params }) => {
  return jsonResponse(await getTrainingRun(getDb(), params.id));
});
