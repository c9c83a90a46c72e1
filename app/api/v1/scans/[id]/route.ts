import { getDb } from "@/lib/db";
import { getScan } from "@/lib/scan";
import { jsonResponse } from "@/app/_server/json-response";
import { withPermission } from "@/app/_server/with-permission";

// GET /api/v1/scans/{id} — one scan: kind, params, status, its job's progress and, once completed, its summary.
export const GET = withPermission<{ id: string }>("findings.read", async ({ params }) => {
  return jsonResponse(await getScan(getDb(), params.id));
});
