import { getDb } from "@/lib/db";
import { getScorecard } from "@/lib/scorecard";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/scorecards/{id} — one snapshot: criteria, evidence and hashes, decisions, the model's versions.
export const GET = withPermission<{ id: string }>("scorecards.read", async ({ params }) => {
  return jsonResponse(await getScorecard(getDb(), params.id));
});
