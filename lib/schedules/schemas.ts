// One zod schema per schedules API body (DB-free: the OpenAPI document imports these).
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import { AuditKind } from "../db/index.ts";

/**
 * reaudit: run the audit again on the deployed version; rescan: PII-scan its datasets again;
 * regrade: no new evidence, only grade what is on record against the current policy (cheap, daily).
 */
export const SCHEDULE_KINDS = ["reaudit", "rescan", "regrade"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** Why a cron expression is refused, or null. Five fields (minute to weekday), as BullMQ reads them. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  try {
    CronExpressionParser.parse(cron.trim());
    return null;
  } catch (error) {
    return (error as Error).message.split("\n")[0]!;
  }
}

/** The next time a cron expression fires after `from` (UTC). */
export function nextRunOf(cron: string, from = new Date()): Date {
  return CronExpressionParser.parse(cron.trim(), { currentDate: from, tz: "UTC" }).next().toDate();
}

export const cronSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .superRefine((cron, context) => {
    const problem = cronProblem(cron);
    if (problem) context.addIssue({ code: "custom", message: `not a valid cron expression: ${problem}` });
  });

export const scheduleConfigSchema = z.object({
  model: z.string().min(1).max(200),
  environment: z.string().min(1).max(64),
  /** For re-audits: which attack to run again. */
  auditKind: z.enum(AuditKind).default("membership_inference"),
});
export type ScheduleConfig = z.infer<typeof scheduleConfigSchema>;

export const createScheduleSchema = scheduleConfigSchema.extend({
  kind: z.enum(SCHEDULE_KINDS),
  cron: cronSchema,
  webhookUrl: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2000)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type CreateScheduleInput = z.input<typeof createScheduleSchema>;

export const updateScheduleSchema = z.object({ enabled: z.boolean() });

export const listSchedulesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
