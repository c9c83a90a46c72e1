import { getDb } from "@/lib/db";
import { decideScorecard, decideScorecardSchema } from "@/lib/scorecard";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/scorecards/{id}/decision — approve or reject this snapshot, with a comment (separation of duties applies).
export const POST = withPermission<{ id: string }>("scorecards.approve", async ({ request, principal, params }) => {
  const input = decideScorecardSchema.parse(await readJsonBody(request));
  return jsonResponse(await decideScorecard(getDb(), principal, { scorecardId: params.id, ...input }), { status: 201 });
});
