import { z } from "zod";
import { getDb } from "@/lib/db";
import { setNonPrivateUse } from "@/lib/training";
import { jsonResponse } from "@/app/_server/json-response";
import { readJsonBody, withPermission } from "@/app/_server/with-permission";

const paramsSchema = z.object({ name: z.string().min(1), version: z.coerce.number().int().min(1) });

// PUT /api/v1/datasets/{name}/versions/{version}/budget/non-private-use — allow (or forbid) training
// without DP on the budget's data: a compliance officer or admin, never the dataset's owner.
export const PUT = withPermission<{ name: string; version: string }>("budgets.allow_non_private", async ({ request, principal, params }) => {
  const { name, version } = paramsSchema.parse(params);
  return jsonResponse(await setNonPrivateUse(getDb(), principal, name, version, await readJsonBody(request)));
});
