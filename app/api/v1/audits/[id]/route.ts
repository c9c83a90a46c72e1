import { getAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/audits/{id} — one audit: configuration, results once completed, its latest job.
export const GET = withPermission<{ id: string }>("audits.read", async ({ params }) => jsonResponse(await getAudit(getDb(), params.id)));
