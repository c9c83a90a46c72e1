import { readArtifact } from "@/app/api/v1/models/_server/read-artifact";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/models/{name}/versions/{version}/artifact/weights.bin — the weights shard model.json names.
export const GET = withPermission<{ name: string; version: string }>("models.read", async ({ params }) => {
  const { bundle, sha256 } = await readArtifact(params);
  return new Response(new Uint8Array(Buffer.from(bundle.weightData, "base64")), {
    headers: { "Content-Type": "application/octet-stream", ETag: `"${sha256}-weights"`, "Cache-Control": "private, max-age=31536000, immutable" },
  });
});
