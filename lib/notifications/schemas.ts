// Notification API query (DB-free: the OpenAPI document imports it).
import { z } from "zod";

export const listNotificationsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  unread: z.enum(["true", "false"]).optional(),
  kind: z.string().max(64).optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;
