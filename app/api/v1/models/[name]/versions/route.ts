import { getDb } from "@/lib/db";
import { readUploadedModel } from "@/app/api/v1/models/_server/read-uploaded-model";
import { uploadModelVersion } from "@/lib/models";
import { enqueueRegrade } from "@/lib/queue";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// POST /api/v1/models/{name}/versions — upload an external TensorFlow.js Layers model: multipart
// (`model` = model.json, `weights` = its shards, optional `metadata` JSON) or a JSON body
// `{ bundle, metadata }`. It is validated by loading it; any guarantee is "declared, not verified".
export const POST = withPermission<{ name: string }>("models.write", async ({ request, principal, params }) => {
  const { bundle, metadata } = await readUploadedModel(request);
  const version = await uploadModelVersion(getDb(), principal, params.name, bundle, metadata);
  await enqueueRegrade(getDb(), { modelVersionId: version.id }, "model version uploaded");
  return jsonResponse(version, { status: 201 });
});
