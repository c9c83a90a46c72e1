import { z } from "zod";
import { getDb } from "@/lib/db";
import { getModelVersion } from "@/lib/models";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// GET /api/v1/models/{name}/versions/{version} — guarantee, metrics, datasets, artifact sha256 and URLs.
export const GET = withPermission<{ name: string; version: string }>("models.read", async ({ params, principal }) => {
  const { name, version } = paramsSchema.parse(params);
  return jsonResponse(await getModelVersion(getDb(), name, version, principal));
});
