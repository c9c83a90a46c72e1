import { getDb } from "@/lib/db";
import { listFindings, listFindingsQuerySchema } from "@/lib/findings";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/findings?datasetVersionId=…&type=…&severity=…&status=…&page=… — findings, masked, one page.
export const GET = withPermission("findings.read", async ({ request }) => {
  return jsonResponse(await listFindings(getDb(), listFindingsQuerySchema.parse(queryOf(request))));
});
