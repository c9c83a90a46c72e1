import { appendAuditLog } from "../../audit-log/index.ts";
import { Prisma, type Db } from "../../db/index.ts";
import { AppError, isAppError } from "../../errors/index.ts";
import { parseAuditConfig } from "./audit-config.ts";
import { trainingsOf } from "./estimate-audit-cost.ts";
import type { AuditContext } from "./audit-context.ts";
import type { LoadAuditTarget } from "./audit-target.ts";
import { KIND_RUNNERS } from "./runners/index.ts";
import { auditResultsSchema } from "./results.ts";

export interface RunAuditOptions {
  /** How the model version's artifact is loaded (lib/models in the worker; a fixture in tests). */
  loadTarget: LoadAuditTarget;
  onProgress?: (percent: number, message: string) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface RunAuditResult {
  auditId: string;
  status: "completed" | "cancelled";
}

/**
 * Runs one stored audit to completion. Idempotent and resumable: a completed or cancelled audit is
 * left alone, and an audit left `active` by a killed worker resumes from its checkpoint (LiRA keeps
 * each trained shadow model's observations). Results are validated against the kind's schema and
 * written once with the completion, never changed after. Refused input (an AppError other than
 * `internal` or `conflict`) marks the audit failed with its message and rethrows.
 */
export async function runAudit(db: Db, auditId: string, options: RunAuditOptions): Promise<RunAuditResult> {
  const audit = await db.leakageAudit.findUnique({
    where: { id: auditId },
    select: {
      id: true,
      kind: true,
      status: true,
      config: true,
      checkpoint: true,
      createdById: true,
      modelVersion: { select: { id: true, epsilon: true, trainDatasetVersionId: true, evalDatasetVersionId: true } },
    },
  });
  if (!audit) throw new AppError("not_found", "no such audit", { auditId });
  if (audit.status === "completed" || audit.status === "cancelled") return { auditId, status: audit.status };
  if (audit.status === "failed") throw new AppError("conflict", "this audit already failed; start a new one", { auditId });
  const { count } = await db.leakageAudit.updateMany({ where: { id: auditId, status: { in: ["queued", "active"] } }, data: { status: "active", error: null } });
  if (count === 0) return { auditId, status: "cancelled" };

  const stopped = () => options.signal?.aborted === true;
  const context: AuditContext = {
    db,
    auditId,
    kind: audit.kind,
    config: undefined as never,
    modelVersion: audit.modelVersion,
    loadTarget: options.loadTarget,
    progress: async (percent, message) => {
      await options.onProgress?.(Math.min(99, Math.max(0, Math.floor(percent))), message);
    },
    shouldStop: stopped,
    checkStopped: () => {
      if (stopped()) throw new AppError("conflict", "the audit was cancelled");
    },
    checkpoint: audit.status === "active" ? ((audit.checkpoint as Record<string, unknown> | null) ?? null) : null,
    saveCheckpoint: async (checkpoint) => {
      await db.leakageAudit.updateMany({ where: { id: auditId, status: "active" }, data: { checkpoint: checkpoint as object } });
    },
  };

  let results;
  try {
    context.config = parseAuditConfig(audit.kind, audit.config) as never;
    const runner = KIND_RUNNERS[audit.kind] as (c: AuditContext) => ReturnType<(typeof KIND_RUNNERS)["lira"]>;
    const started = performance.now();
    const raw = await runner(context);
    results = auditResultsSchema.parse({ ...raw, timing: { seconds: (performance.now() - started) / 1000, trainings: trainingsOf(audit.kind, context.config) } });
  } catch (error) {
    if (isAppError(error) && error.code !== "internal" && error.code !== "conflict") throw await markAuditFailed(db, auditId, error);
    throw error;
  }
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.leakageAudit.updateMany({
      where: { id: auditId, status: "active", results: { equals: Prisma.DbNull } },
      data: { status: "completed", results: results as object, checkpoint: Prisma.DbNull, finishedAt: new Date(), error: null },
    });
    if (updated.count === 1) {
      const evidence = "auc" in results ? { auc: results.auc, epsilonLowerBound: results.epsilonLowerBound, verdict: results.verdict } : {};
      await appendAuditLog(tx, { actor: { id: null, label: "system:audit" }, action: "audit.complete", targetType: "leakage_audit", targetId: auditId, details: { kind: audit.kind, ...evidence } });
    }
    return updated.count;
  });
  await options.onProgress?.(100, "audit done");
  return { auditId, status: done === 1 ? "completed" : "cancelled" };
}

/** Marks an audit failed (unless cancelled or finished meanwhile) and returns the error, for `throw await`. */
export async function markAuditFailed(db: Db, auditId: string, error: AppError | Error): Promise<typeof error> {
  await db.leakageAudit.updateMany({
    where: { id: auditId, status: { in: ["queued", "active"] } },
    data: { status: "failed", error: isAppError(error) ? error.message : "the audit failed; see its job for details", finishedAt: new Date() },
  });
  return error;
}
