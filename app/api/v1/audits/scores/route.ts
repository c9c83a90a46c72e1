import { MAX_SCORES_BYTES, scoresAuditMetaSchema, startScoresAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// POST /api/v1/audits/scores?subject&claimedEpsilon&delta — audit an external model from its scores.json body ({members, nonMembers}).
export const POST = withPermission("audits.run", async ({ request, principal }) => {
  const meta = scoresAuditMetaSchema.parse(queryOf(request));
  const tooLarge = () => new AppError("payload_too_large", `scores.json may be at most ${MAX_SCORES_BYTES} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_SCORES_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_SCORES_BYTES) throw tooLarge();
  return jsonResponse(await startScoresAudit(getDb(), principal, meta, text), { status: 201 });
});
