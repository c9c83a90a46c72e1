import { getDb } from "@/lib/db";
import { listJobs, listJobsQuerySchema } from "@/lib/queue";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/jobs?page&pageSize&status&queue&subjectType&subjectId — queue jobs, newest first.
export const GET = withPermission("jobs.read", async ({ request }) => {
  const query = listJobsQuerySchema.parse(queryOf(request));
  return jsonResponse(await listJobs(getDb(), query));
});
