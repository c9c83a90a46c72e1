import { getDb } from "@/lib/db";
import { createSchedule, createScheduleSchema, listSchedules, listSchedulesQuerySchema } from "@/lib/schedules";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, readJsonBody, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/schedules?page&pageSize — scheduled re-audits and re-scans, with last and next runs.
export const GET = withPermission("deployments.read", async ({ request }) => {
  return jsonResponse(await listSchedules(getDb(), listSchedulesQuerySchema.parse(queryOf(request))));
});

// POST /api/v1/schedules — schedule a re-audit or re-scan of what a model has deployed in an environment (cron).
export const POST = withPermission("schedules.write", async ({ request, principal }) => {
  const input = createScheduleSchema.parse(await readJsonBody(request));
  return jsonResponse(await createSchedule(getDb(), principal, input), { status: 201 });
});
