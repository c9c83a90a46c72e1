import { getDb } from "@/lib/db";
import { setUserRoles, setUserRolesSchema } from "@/lib/users";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

// PUT /api/v1/users/{id}/roles — replace a user's roles (admins; never the last admin's).
export const PUT = withPermission<{ id: string }>("users.manage", async ({ request, principal, params }) => {
  const { roles } = setUserRolesSchema.parse(await readJsonBody(request));
  return jsonResponse(await setUserRoles(getDb(), principal, params.id, roles));
});
