// Zod schemas of the governance API's queries (imported by the OpenAPI document: no database here).
import { z } from "zod";

export const lineageQuerySchema = z.object({
  /** The version at the centre; the newest when absent. */
  version: z.coerce.number().int().min(1).optional(),
});
export type LineageQuery = z.infer<typeof lineageQuerySchema>;
