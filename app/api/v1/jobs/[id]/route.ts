import { getDb } from "@/lib/db";
import { getJob } from "@/lib/queue";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/jobs/{id} — one job and its progress (pages poll this every second).
export const GET = withPermission<{ id: string }>("jobs.read", async ({ params }) => {
  return jsonResponse(await getJob(getDb(), params.id));
});
