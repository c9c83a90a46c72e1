import { listAudits, listAuditsQuerySchema } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/audits?page&pageSize&kind&status&model&version — one page of audits, newest first.
export const GET = withPermission("audits.read", async ({ request }) => {
  const query = listAuditsQuerySchema.parse(queryOf(request));
  return jsonResponse(await listAudits(getDb(), query));
});
