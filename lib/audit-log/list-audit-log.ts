import { z } from "zod";
import type { Db } from "../db/index.ts";

export const listAuditLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Exact action, e.g. `dataset.register`. */
  action: z.string().max(100).optional(),
  /** Case-insensitive part of the actor label (an email or `token:<name>`). */
  actor: z.string().max(200).optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(200).optional(),
});
export type ListAuditLogQuery = z.input<typeof listAuditLogQuerySchema>;

/** One page of the audit log, newest first. `seq` stays a BigInt; the API serialises it as a string. */
export async function listAuditLog(db: Db, query: ListAuditLogQuery) {
  const { page, pageSize, action, actor, targetType, targetId } = listAuditLogQuerySchema.parse(query);
  const where = {
    ...(action ? { action } : {}),
    ...(actor ? { actorLabel: { contains: actor, mode: "insensitive" as const } } : {}),
    ...(targetType ? { targetType } : {}),
    ...(targetId ? { targetId } : {}),
  };
  const [items, total] = await Promise.all([
    db.auditLogEntry.findMany({ where, orderBy: { seq: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    db.auditLogEntry.count({ where }),
  ]);
  return { items, total, page, pageSize };
}
