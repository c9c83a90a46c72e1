import { cancelAuditSubject, getAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cancelJob } from "@/lib/queue";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// POST /api/v1/audits/{id}/cancel — cancel a queued or running audit (its job stops between shadow models).
export const POST = withPermission<{ id: string }>("audits.run", async ({ params, principal }) => {
  const db = getDb();
  const audit = await getAudit(db, params.id);
  if (!audit.job) throw new AppError("conflict", "this audit has no job to cancel", { id: params.id });
  await cancelJob(db, audit.job.id, { principal, subjects: { leakage_audit: cancelAuditSubject } });
  return jsonResponse(await getAudit(db, params.id));
});
