import { getDb } from "@/lib/db";
import { listNotifications, listNotificationsQuerySchema } from "@/lib/notifications";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/notifications?unread=true&kind&page&pageSize — the caller's notifications and the team's alerts.
export const GET = withPermission("authenticated", async ({ request, principal }) => {
  const query = listNotificationsQuerySchema.parse(queryOf(request));
  return jsonResponse(await listNotifications(getDb(), principal, query));
});
