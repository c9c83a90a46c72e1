import { PERMISSIONS, principalCan } from "@/lib/auth";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/me — the caller, and every permission they hold (a token's scopes included).
export const GET = withPermission("authenticated", async ({ principal }) => {
  const permissions = PERMISSIONS.map((p) => p.name).filter((name) => principalCan(principal, name));
  const { userId, email, label, roles, via } = principal;
  return jsonResponse({ id: userId, email, label, roles, via, permissions });
});
