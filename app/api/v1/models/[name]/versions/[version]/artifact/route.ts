import { readArtifact } from "@/app/api/v1/models/_server/read-artifact";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/models/{name}/versions/{version}/artifact — the stored bundle (one JSON file; its sha256 is the version's).
export const GET = withPermission<{ name: string; version: string }>("models.read", async ({ params }) => {
  const { raw, name, version, sha256 } = await readArtifact(params);
  return new Response(new Uint8Array(raw), {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="${name}-v${version}.tfjs-bundle.json"`,
      ETag: `"${sha256}"`,
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
});
