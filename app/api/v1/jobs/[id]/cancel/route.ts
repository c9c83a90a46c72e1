import { getDb } from "@/lib/db";
import { cancelAuditSubject } from "@/lib/audit";
import { cancelIngestSubject } from "@/lib/ingest";
import { cancelJob } from "@/lib/queue";
import { cancelScanSubject } from "@/lib/scan";
import { cancelTrainingRunSubject } from "@/lib/training";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// POST /api/v1/jobs/{id}/cancel — cancel a queued or active job (any queue) and mark its subject cancelled
// (one's own jobs; an admin anyone's).
export const POST = withPermission<{ id: string }>("jobs.cancel", async ({ params, principal }) => {
  const job = await cancelJob(getDb(), params.id, {
    principal,
    subjects: { scan: cancelScanSubject, dataset_version: cancelIngestSubject, training_run: cancelTrainingRunSubject, leakage_audit: cancelAuditSubject },
  });
  return jsonResponse(job);
});
