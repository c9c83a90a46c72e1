import { getDb } from "@/lib/db";
import { currentDeployments } from "@/lib/deploy";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/deployments/current — what every environment runs now, one row per environment and model.
export const GET = withPermission("deployments.read", async () => {
  return jsonResponse({ items: await currentDeployments(getDb()) });
});
