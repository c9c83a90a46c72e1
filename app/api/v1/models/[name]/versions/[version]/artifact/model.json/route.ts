import { bundleToModelJson } from "@/lib/models";
import { readArtifact } from "@/app/api/v1/models/_server/read-artifact";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/models/{name}/versions/{version}/artifact/model.json — for tf.loadLayersModel(url); weights.bin beside it.
export const GET = withPermission<{ name: string; version: string }>("models.read", async ({ params }) => {
  const { bundle } = await readArtifact(params);
  return jsonResponse(bundleToModelJson(bundle));
});
