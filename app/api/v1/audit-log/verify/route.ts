import { verifyAuditLog } from "@/lib/audit-log";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/audit-log/verify — walks the hash chain; names the first broken entry, if any.
export const GET = withPermission("auditlog.read", async () => {
  return jsonResponse(await verifyAuditLog(getDb()));
});
