// One zod schema per deployment API body and query (DB-free: the OpenAPI document imports these).
import { z } from "zod";

export const environmentNameSchema = z.string().min(1).max(64).regex(/^[a-z][a-z0-9-]*$/, "lowercase letters, digits and '-'");

export const deployInputSchema = z.object({
  model: z.string().min(1).max(200),
  version: z.coerce.number().int().min(1),
  environment: environmentNameSchema,
  reason: z.string().trim().min(1, "say why: every promotion and rollback records a reason").max(2000),
});
export type DeployInput = z.infer<typeof deployInputSchema>;

export const listDeploymentsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  environment: environmentNameSchema.optional(),
  model: z.string().max(200).optional(),
  action: z.enum(["promote", "rollback"]).optional(),
});
export type ListDeploymentsQuery = z.infer<typeof listDeploymentsQuerySchema>;
