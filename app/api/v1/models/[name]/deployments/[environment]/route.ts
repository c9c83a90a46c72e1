import { getDb } from "@/lib/db";
import { resolveDeployment } from "@/lib/deploy";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/models/{name}/deployments/{environment} — what a serving system should load: version, artifact URL and sha256, grade.
export const GET = withPermission<{ name: string; environment: string }>("deployments.read", async ({ request, params }) => {
  const resolved = await resolveDeployment(getDb(), params.name, params.environment);
  return jsonResponse({ ...resolved, artifact: { ...resolved.artifact, url: new URL(resolved.artifact.url, request.url).toString() } });
});
