import { getDb } from "@/lib/db";
import { runScheduleNow } from "@/lib/schedules";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// POST /api/v1/schedules/{id}/run — run a schedule now; answers the queued job to follow.
export const POST = withPermission<{ id: string }>("schedules.write", async ({ principal, params }) => {
  return jsonResponse(await runScheduleNow(getDb(), principal, params.id), { status: 202 });
});
