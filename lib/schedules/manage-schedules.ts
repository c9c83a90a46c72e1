import { appendAuditLog } from "../audit-log/index.ts";
import { principalCan, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { findEnvironment } from "../deploy/index.ts";
import { AppError } from "../errors/index.ts";
import { DEFAULT_JOB_OPTIONS, enqueue, getQueue } from "../queue/index.ts";
import { createScheduleSchema, listSchedulesQuerySchema, nextRunOf, scheduleConfigSchema, type CreateScheduleInput } from "./schemas.ts";

function requireWrite(principal: Principal): void {
  if (!principalCan(principal, "schedules.write")) throw new AppError("forbidden", 'you lack the permission "schedules.write"');
}

/** Keeps BullMQ's job scheduler in step with the row: one repeatable job per enabled schedule. */
export async function syncJobScheduler(schedule: { id: string; cron: string; enabled: boolean }): Promise<void> {
  const queue = getQueue("schedule");
  if (!schedule.enabled) {
    await queue.removeJobScheduler(schedule.id);
    return;
  }
  const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
  await queue.upsertJobScheduler(schedule.id, { pattern: schedule.cron, tz: "UTC" }, {
    name: "schedule",
    data: { scheduleId: schedule.id, manual: false },
    opts: { attempts, backoff, removeOnComplete, removeOnFail },
  });
}

/**
 * Creates a schedule: a re-audit or re-scan, on a cron, of whatever version of `model` is deployed
 * to `environment` when it fires. @throws AppError "forbidden", "not_found" for an unknown model or environment
 */
export async function createSchedule(db: Db, principal: Principal, input: CreateScheduleInput) {
  requireWrite(principal);
  const { kind, cron, webhookUrl, ...config } = createScheduleSchema.parse(input);
  const model = await db.model.findUnique({ where: { name: config.model }, select: { id: true } });
  if (!model) throw new AppError("not_found", `model "${config.model}" not found`);
  await findEnvironment(db, config.environment);
  const schedule = await db.$transaction(async (tx) => {
    const created = await tx.schedule.create({
      data: { kind, cron, targetType: "model", targetId: model.id, config, webhookUrl: webhookUrl ?? null, nextRunAt: nextRunOf(cron), createdById: principal.userId },
    });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "schedule.create",
      targetType: "schedule",
      targetId: created.id,
      details: { kind, cron, model: config.model, environment: config.environment, webhook: webhookUrl ? new URL(webhookUrl).host : null },
    });
    return created;
  });
  await syncJobScheduler(schedule);
  return schedule;
}

/** Enables or disables a schedule (and its repeatable job). */
export async function setScheduleEnabled(db: Db, principal: Principal, id: string, enabled: boolean) {
  requireWrite(principal);
  const schedule = await db.$transaction(async (tx) => {
    const existing = await tx.schedule.findUnique({ where: { id } });
    if (!existing) throw new AppError("not_found", `schedule ${id} not found`);
    const updated = await tx.schedule.update({ where: { id }, data: { enabled, nextRunAt: enabled ? nextRunOf(existing.cron) : null } });
    await appendAuditLog(tx, { actor: { id: principal.userId, label: principal.label }, action: enabled ? "schedule.enable" : "schedule.disable", targetType: "schedule", targetId: id });
    return updated;
  });
  await syncJobScheduler(schedule);
  return schedule;
}

/** Queues one run now, whatever the cron says (the e2e test and impatient admins). */
export async function runScheduleNow(db: Db, principal: Principal, id: string) {
  requireWrite(principal);
  const schedule = await db.schedule.findUnique({ where: { id }, select: { id: true } });
  if (!schedule) throw new AppError("not_found", `schedule ${id} not found`);
  return enqueue(db, "schedule", { scheduleId: id, manual: true }, { subjectType: "schedule", subjectId: id, createdById: principal.userId });
}

export async function listSchedules(db: Db, query: Partial<{ page: number; pageSize: number }> = {}) {
  const { page, pageSize } = listSchedulesQuerySchema.parse(query);
  const [rows, total] = await Promise.all([
    db.schedule.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, include: { createdBy: { select: { email: true } } } }),
    db.schedule.count(),
  ]);
  const items = rows.map(({ createdBy, ...row }) => {
    const config = scheduleConfigSchema.safeParse(row.config);
    return {
      ...row,
      model: config.success ? config.data.model : null,
      environment: config.success ? config.data.environment : null,
      auditKind: config.success ? config.data.auditKind : null,
      webhookHost: row.webhookUrl ? new URL(row.webhookUrl).host : null,
      webhookUrl: undefined,
      nextRunAt: row.enabled ? nextRunOf(row.cron) : null,
      createdBy: createdBy.email,
    };
  });
  return { items, total, page, pageSize };
}
