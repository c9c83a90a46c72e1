import { z } from "zod";
import { getDb } from "@/lib/db";
import { getDatasetBudget, setDatasetBudget } from "@/lib/training";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// GET /api/v1/datasets/{name}/versions/{version}/budget — the (ε, δ) budget, its use (and ancestors'), the ledger.
export const GET = withPermission<{ name: string; version: string }>("datasets.read", async ({ params }) => {
  const { name, version } = paramsSchema.parse(params);
  return jsonResponse(await getDatasetBudget(getDb(), name, version));
});

// PUT /api/v1/datasets/{name}/versions/{version}/budget — set the budget (the owner sets or lowers it;
// a compliance officer or admin who does not own the dataset may also raise it).
export const PUT = withPermission<{ name: string; version: string }>("budgets.write", async ({ request, principal, params }) => {
  const { name, version } = paramsSchema.parse(params);
  return jsonResponse(await setDatasetBudget(getDb(), principal, name, version, await readJsonBody(request)));
});
