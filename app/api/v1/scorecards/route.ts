import { getDb } from "@/lib/db";
import { listScorecards, listScorecardsQuerySchema } from "@/lib/scorecard";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/scorecards?status=awaiting|approved|rejected|invalidated|all&grade&q&page&pageSize — latest snapshot per version.
export const GET = withPermission("scorecards.read", async ({ request }) => {
  const query = listScorecardsQuerySchema.parse(queryOf(request));
  return jsonResponse(await listScorecards(getDb(), query));
});
