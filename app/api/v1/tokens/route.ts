import { z } from "zod";
import { createApiToken, createApiTokenSchema, listApiTokens } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/app/_server/json-response";
import { queryOf, readJsonBody, withPermission } from "@/app/_server/with-permission";

const listQuerySchema = z.object({ userId: z.string().min(1).optional() });

// GET /api/v1/tokens[?userId=] — the caller's tokens (admins: a service account's), never their secrets.
export const GET = withPermission("tokens.manage", async ({ request, principal }) => {
  const { userId } = listQuerySchema.parse(queryOf(request));
  return jsonResponse({ items: await listApiTokens(getDb(), principal, userId) });
});

// POST /api/v1/tokens — create a token; the answer holds the token, shown this once.
export const POST = withPermission("tokens.manage", async ({ request, principal }) => {
  const input = createApiTokenSchema.parse(await readJsonBody(request));
  return jsonResponse(await createApiToken(getDb(), principal, input), { status: 201 });
});
