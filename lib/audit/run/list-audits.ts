import { z } from "zod";
import { AuditKind, RunStatus, type Db, type Prisma } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";
import { JOB_VIEW_SELECT, type JobView } from "../../queue/index.ts";
import { AUDIT_VIEW_SELECT, toAuditView, type AuditView } from "./audit-view.ts";

export const listAuditsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  kind: z.enum(AuditKind).optional(),
  status: z.enum(RunStatus).optional(),
  /** Model name, exact; with `version`, one version's audits. */
  model: z.string().min(1).max(200).optional(),
  version: z.coerce.number().int().min(1).optional(),
});
export type ListAuditsQuery = z.input<typeof listAuditsQuerySchema>;

export interface AuditPage {
  items: AuditView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Newest first, filtered by kind, status, model (and version). */
export async function listAudits(db: Db, query: ListAuditsQuery = {}): Promise<AuditPage> {
  const { page, pageSize, kind, status, model, version } = listAuditsQuerySchema.parse(query);
  const where: Prisma.LeakageAuditWhereInput = {
    kind,
    status,
    ...(model ? { modelVersion: { model: { name: model }, ...(version ? { version } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.leakageAudit.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, select: AUDIT_VIEW_SELECT }),
    db.leakageAudit.count({ where }),
  ]);
  return { items: rows.map(toAuditView), total, page, pageSize };
}

/** One audit with its latest job (for live progress). @throws AppError not_found */
export async function getAudit(db: Db, id: string): Promise<AuditView & { job: JobView | null }> {
  const row = await db.leakageAudit.findUnique({ where: { id }, select: AUDIT_VIEW_SELECT });
  if (!row) throw new AppError("not_found", "no such audit", { id });
  const job = await db.job.findFirst({ where: { subjectType: "leakage_audit", subjectId: id }, orderBy: { createdAt: "desc" }, select: JOB_VIEW_SELECT });
  return { ...toAuditView(row), job };
}
