import { listAuditLog, listAuditLogQuerySchema } from "@/lib/audit-log";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/audit-log?page&pageSize&action&actor&targetType&targetId — entries, newest first.
export const GET = withPermission("auditlog.read", async ({ request }) => {
  const query = listAuditLogQuerySchema.parse(queryOf(request));
  return jsonResponse(await listAuditLog(getDb(), query));
});
