import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/users — every user and service account with their roles (admins).
export const GET = withPermission("users.manage", async () => {
  return jsonResponse({ items: await listUsers(getDb()) });
});
