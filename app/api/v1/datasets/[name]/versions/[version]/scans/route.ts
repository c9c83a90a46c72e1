import { z } from "zod";
import { getDatasetVersion } from "@/lib/datasets";
import { getDb } from "@/lib/db";
import { listScans, startScan, startScanSchema } from "@/lib/scan";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// GET /api/v1/datasets/{name}/versions/{version}/scans — the version's scans, newest first, with their jobs.
export const GET = withPermission<{ name: string; version: string }>("findings.read", async ({ params }) => {
  const { name, version } = paramsSchema.parse(params);
  const db = getDb();
  const { id } = await getDatasetVersion(db, name, version);
  return jsonResponse({ items: await listScans(db, id) });
});

// POST /api/v1/datasets/{name}/versions/{version}/scans — start a scan ({kind, params}); answers the scan and its job.
export const POST = withPermission<{ name: string; version: string }>("scans.run", async ({ request, params, principal }) => {
  const { name, version } = paramsSchema.parse(params);
  const input = startScanSchema.parse(await readJsonBody(request));
  const db = getDb();
  const { id } = await getDatasetVersion(db, name, version);
  return jsonResponse(await startScan(db, principal, id, input), { status: 201 });
});
