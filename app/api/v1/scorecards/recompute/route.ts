import { getDb } from "@/lib/db";
import { findModelVersion, recomputeScorecard, recomputeScorecardSchema } from "@/lib/scorecard";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/scorecards/recompute — regrade a version now; a new snapshot only if its evidence or the policy changed.
export const POST = withPermission("models.write", async ({ request }) => {
  const { model, version, reason } = recomputeScorecardSchema.parse(await readJsonBody(request));
  const db = getDb();
  const target = await findModelVersion(db, model, version);
  const { scorecard, created } = await recomputeScorecard(db, target.id, reason);
  return jsonResponse({ scorecard, created }, { status: created ? 201 : 200 });
});
