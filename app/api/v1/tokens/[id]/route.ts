import { revokeApiToken } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// DELETE /api/v1/tokens/{id} — revoke one of the caller's tokens (idempotent).
export const DELETE = withPermission<{ id: string }>("tokens.manage", async ({ principal, params }) => {
  return jsonResponse(await revokeApiToken(getDb(), principal, params.id));
});
