import { evidenceJsonSchema } from "@/lib/policy";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/evidence/schema — the JSON Schema of an evidence bundle (what `canary policy evaluate` reads).
export const GET = withPermission("policies.read", async () => jsonResponse(evidenceJsonSchema()));
