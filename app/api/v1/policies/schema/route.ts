import { policyJsonSchema } from "@/lib/policy";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/policies/schema — the JSON Schema of a policy document.
export const GET = withPermission("policies.read", async () => jsonResponse(policyJsonSchema()));
