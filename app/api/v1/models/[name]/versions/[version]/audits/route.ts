import { z } from "zod";
import { listAudits, modelVersionIdOf, startAudit, startAuditSchema } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, readJsonBody, withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });
const pageSchema = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25) });

// GET /api/v1/models/{name}/versions/{version}/audits?page&pageSize — the version's audits, newest first.
export const GET = withPermission<{ name: string; version: string }>("audits.read", async ({ request, params }) => {
  const { name, version } = paramsSchema.parse(params);
  const db = getDb();
  await modelVersionIdOf(db, name, version);
  return jsonResponse(await listAudits(db, { ...pageSchema.parse(queryOf(request)), model: name, version }));
});

// POST /api/v1/models/{name}/versions/{version}/audits — start an audit ({kind, config}); answers the audit, its job and the cost estimate.
export const POST = withPermission<{ name: string; version: string }>("audits.run", async ({ request, params, principal }) => {
  const { name, version } = paramsSchema.parse(params);
  const input = startAuditSchema.parse(await readJsonBody(request));
  const db = getDb();
  const modelVersionId = await modelVersionIdOf(db, name, version);
  return jsonResponse(await startAudit(db, principal, { modelVersionId, ...input }), { status: 201 });
});
