import { principalOfUser, type Principal } from "../auth/index.ts";
import type { AuditKind, Db } from "../db/index.ts";
import { currentDeployments, findEnvironment, suggestRollbackTarget } from "../deploy/index.ts";
import { AppError } from "../errors/index.ts";
import { raiseAlert } from "../notifications/index.ts";
import type { CriterionResult } from "../policy/index.ts";
import { effectiveDecisionOf, recomputeScorecard } from "../scorecard/index.ts";
import { detectDrift, type DriftedCriterion } from "./detect-drift.ts";
import { nextRunOf, scheduleConfigSchema, type ScheduleKind } from "./schemas.ts";

/**
 * How a schedule starts the evidence it re-collects. The audits area's startAudit and the scans
 * area's re-scan are injected (workers/schedule.ts wires them), so this file depends on neither.
 * Each returns the id of the row to wait for (LeakageAudit or Scan).
 */
export interface ScheduleRunners {
  startAudit?: (db: Db, principal: Principal, input: { modelVersionId: string; kind: AuditKind; config: Record<string, unknown> }) => Promise<{ id: string }>;
  startRescan?: (db: Db, principal: Principal, input: { datasetVersionId: string }) => Promise<{ id: string }[]>;
}

export interface RunScheduleOptions {
  manual?: boolean;
  runners?: ScheduleRunners;
  signal?: AbortSignal;
  onProgress?: (percent: number, message: string) => Promise<void>;
  /** How long to wait for the audit or scans it started. @defaultValue 15 minutes */
  waitTimeoutMs?: number;
  pollMs?: number;
}

export interface ScheduleRunResult {
  status: "skipped" | "ok" | "drift";
  message: string;
  model?: string;
  version?: number;
  scorecardId?: string;
  drifted?: DriftedCriterion[];
  alertId?: string;
  evidence?: { started: string[]; note?: string };
}

const TERMINAL = ["completed", "failed", "cancelled"];

async function waitFor(read: () => Promise<string | null | undefined>, what: string, options: RunScheduleOptions): Promise<void> {
  const deadline = Date.now() + (options.waitTimeoutMs ?? 15 * 60_000);
  for (;;) {
    const status = await read();
    if (status === "completed") return;
    if (status && TERMINAL.includes(status)) throw new Error(`the ${what} the schedule started ended ${status}`);
    if (options.signal?.aborted) throw new Error(`stopped while waiting for the ${what}`);
    if (Date.now() > deadline) throw new Error(`the ${what} the schedule started did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
  }
}

async function principalOf(db: Db, userId: string): Promise<Principal> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: true } });
  return principalOfUser(user, `schedule (${user.email})`);
}

/** Starts the schedule's kind of re-collection and waits for it; says what it did. */
async function recollect(db: Db, kind: ScheduleKind, principal: Principal, version: { id: string; trainDatasetVersionId: string | null; evalDatasetVersionId: string | null }, auditKind: AuditKind, options: RunScheduleOptions) {
  const runners = options.runners ?? {};
  if (kind === "regrade") return { started: [] };
  if (kind === "reaudit") {
    if (!runners.startAudit) return { started: [], note: "re-audit not available in this worker; graded the evidence on record" };
    const audit = await runners.startAudit(db, principal, { modelVersionId: version.id, kind: auditKind, config: {} });
    await options.onProgress?.(20, "re-audit running");
    await waitFor(async () => (await db.leakageAudit.findUnique({ where: { id: audit.id }, select: { status: true } }))?.status, "audit", options);
    return { started: [audit.id] };
  }
  if (!runners.startRescan) return { started: [], note: "re-scan not available in this worker; graded the evidence on record" };
  const ids = [version.trainDatasetVersionId, version.evalDatasetVersionId].filter((id): id is string => !!id);
  const scans = (await Promise.all(ids.map((datasetVersionId) => runners.startRescan!(db, principal, { datasetVersionId })))).flat();
  await options.onProgress?.(20, "re-scans running");
  for (const scan of scans) await waitFor(async () => (await db.scan.findUnique({ where: { id: scan.id }, select: { status: true } }))?.status, "scan", options);
  return { started: scans.map((scan) => scan.id) };
}

/**
 * One run of a schedule: finds the version deployed where the schedule points, re-collects evidence
 * (re-audit or re-scan), recomputes its scorecard and compares it with the snapshot that was
 * approved. Criteria that passed then and do not now (a drifted figure, or a tightened policy)
 * raise a drift alert with the suggested rollback target.
 *
 * @throws AppError "not_found" for an unknown schedule; other errors are retried by the queue
 */
export async function runSchedule(db: Db, scheduleId: string, options: RunScheduleOptions = {}): Promise<ScheduleRunResult> {
  const schedule = await db.schedule.findUnique({ where: { id: scheduleId } });
  if (!schedule) throw new AppError("not_found", `schedule ${scheduleId} not found`);
  const finish = async (result: ScheduleRunResult) => {
    await db.schedule.update({
      where: { id: schedule.id },
      data: { lastRunAt: new Date(), lastStatus: result.status, lastError: null, nextRunAt: schedule.enabled ? nextRunOf(schedule.cron) : null },
    });
    return result;
  };
  if (!schedule.enabled && !options.manual) return { status: "skipped", message: "the schedule is disabled" };
  const config = scheduleConfigSchema.parse(schedule.config);
  const environment = await findEnvironment(db, config.environment);
  const [deployed] = await currentDeployments(db, { environmentId: environment.id, modelId: schedule.targetId });
  if (!deployed) return finish({ status: "skipped", message: `no version of ${config.model} is deployed to ${config.environment}` });
  const version = await db.modelVersion.findUniqueOrThrow({ where: { id: deployed.modelVersionId } });
  const label = `${config.model} v${version.version} in ${config.environment}`;

  await options.onProgress?.(5, `re-collecting evidence for ${label}`);
  const evidence = await recollect(db, schedule.kind as ScheduleKind, await principalOf(db, schedule.createdById), version, config.auditKind, options);
  await options.onProgress?.(80, "grading");
  const { scorecard } = await recomputeScorecard(db, version.id, `scheduled ${schedule.kind}`);

  const approved = await effectiveDecisionOf(db, version.id, "approved");
  const drifted = detectDrift(approved ? (approved.criteria as unknown as CriterionResult[]) : null, scorecard.criteria as unknown as CriterionResult[]);
  const base = { model: config.model, version: version.version, scorecardId: scorecard.id, evidence };
  if (drifted.length === 0) return finish({ ...base, status: "ok", message: `${label} still meets every criterion it was approved on` });

  // The same drift (same criteria, against the same approval) is one alert until someone
  // acknowledges it, not one per run.
  const key = (ids: string[]) => [...ids].sort().join(",");
  const openAlerts = await db.notification.findMany({ where: { kind: "drift", subjectType: "model_version", subjectId: version.id, readAt: null }, select: { id: true, details: true } });
  const open = openAlerts.find((alert) => {
    const details = alert.details as { approvedScorecardId?: string | null; drifted?: { id: string }[] } | null;
    return details?.approvedScorecardId === (approved?.id ?? null) && key((details?.drifted ?? []).map((d) => d.id)) === key(drifted.map((d) => d.id));
  });
  if (open) return finish({ ...base, status: "drift", message: `${label} still drifted on ${drifted.length} criteria (alert already open)`, drifted, alertId: open.id });

  const target = await suggestRollbackTarget(db, version.modelId, version.version);
  const rollbackLink = target
    ? `/deployments?${new URLSearchParams({ model: config.model, environment: config.environment, rollbackTo: String(target.version) })}`
    : null;
  const { notification } = await raiseAlert(db, {
    kind: "drift",
    title: `Drift: ${label} no longer meets ${drifted.map((d) => d.id).join(", ")}`,
    body: `${drifted.map((d) => d.reason.replace(/\.?$/, ".")).join(" ")} ${target ? `Suggested rollback: ${config.model} v${target.version}, the latest earlier approved version.` : "No earlier approved version to roll back to."}`,
    link: `/scorecards/${scorecard.id}`,
    subjectType: "model_version",
    subjectId: version.id,
    details: { scheduleId: schedule.id, model: config.model, version: version.version, environment: config.environment, scorecardId: scorecard.id, approvedScorecardId: approved?.id ?? null, drifted, rollbackTarget: target ? { ...target, link: rollbackLink } : null },
    webhookUrl: schedule.webhookUrl,
  });
  return finish({ ...base, status: "drift", message: `${label} drifted on ${drifted.length} criteria`, drifted, alertId: notification.id });
}

/** After a run's last attempt failed: record it on the schedule and alert. */
export async function reportScheduleFailure(db: Db, scheduleId: string, message: string) {
  const schedule = await db.schedule.findUnique({ where: { id: scheduleId } });
  if (!schedule) return null;
  await db.schedule.update({ where: { id: scheduleId }, data: { lastRunAt: new Date(), lastStatus: "failed", lastError: message.slice(0, 500) } });
  const config = scheduleConfigSchema.safeParse(schedule.config);
  const what = config.success ? `${schedule.kind} of ${config.data.model} in ${config.data.environment}` : schedule.kind;
  return raiseAlert(db, {
    kind: "schedule_failed",
    title: `Scheduled ${what} failed after its retries`,
    body: message,
    link: "/schedules",
    subjectType: "schedule",
    subjectId: schedule.id,
    details: { scheduleId: schedule.id, error: message.slice(0, 500) },
    webhookUrl: schedule.webhookUrl,
  });
}
