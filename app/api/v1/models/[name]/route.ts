import { getDb } from "@/lib/db";
import { getModel } from "@/lib/models";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/models/{name} — a model, its versions (newest first) and its recent training runs.
export const GET = withPermission<{ name: string }>("models.read", async ({ params, principal }) => {
  return jsonResponse(await getModel(getDb(), params.name, principal));
});
