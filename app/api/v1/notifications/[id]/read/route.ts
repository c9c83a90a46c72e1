import { getDb } from "@/lib/db";
import { markNotificationRead } from "@/lib/notifications";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// POST /api/v1/notifications/{id}/read — mark read (a team alert: acknowledged for everyone).
export const POST = withPermission<{ id: string }>("authenticated", async ({ principal, params }) => {
  return jsonResponse(await markNotificationRead(getDb(), principal, params.id));
});
