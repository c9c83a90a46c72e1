import { getDb } from "@/lib/db";
import { listDeployments, listDeploymentsQuerySchema } from "@/lib/deploy";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, withPermission } from "@/app/_server/with-permission";

// GET /api/v1/deployments?environment&model&action&page&pageSize — promotions and rollbacks, newest first.
export const GET = withPermission("deployments.read", async ({ request }) => {
  const query = listDeploymentsQuerySchema.parse(queryOf(request));
  return jsonResponse(await listDeployments(getDb(), query));
});
