import { getDb } from "@/lib/db";
import { setScheduleEnabled, updateScheduleSchema } from "@/lib/schedules";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// PATCH /api/v1/schedules/{id} — enable or disable a schedule.
export const PATCH = withPermission<{ id: string }>("schedules.write", async ({ request, principal, params }) => {
  const { enabled } = updateScheduleSchema.parse(await readJsonBody(request));
  return jsonResponse(await setScheduleEnabled(getDb(), principal, params.id, enabled));
});
