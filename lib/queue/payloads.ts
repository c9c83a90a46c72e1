// One zod schema per job payload. Producers parse before enqueueing, consumers parse again on
// receipt: a payload that fails is a programming error and fails the job without retries.
import { z } from "zod";

export const QUEUE_NAMES = { ingest: "ingest", scan: "scan", schedule: "schedule", audit: "audit", train: "train", regrade: "regrade" } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export const ingestPayloadSchema = z.object({
  datasetVersionId: z.string().min(1),
});
export type IngestPayload = z.infer<typeof ingestPayloadSchema>;

/** One stored Scan row (kind and params are on the row; see lib/scan/run). */
export const scanPayloadSchema = z.object({
  scanId: z.string().min(1),
});
export type ScanPayload = z.infer<typeof scanPayloadSchema>;

/** One run of a stored Schedule (re-audit or re-scan of a deployed version, then drift check). */
export const schedulePayloadSchema = z.object({
  scheduleId: z.string().min(1),
  /** "Run now" from the page or API: runs even when the schedule is disabled. */
  manual: z.boolean().default(false),
});
export type SchedulePayload = z.infer<typeof schedulePayloadSchema>;

/** One stored LeakageAudit row (kind and config are on the row; see lib/audit/run). */
export const auditPayloadSchema = z.object({
  auditId: z.string().min(1),
});
export type AuditPayload = z.infer<typeof auditPayloadSchema>;

/** One stored TrainingRun row (its configuration is on the row; see lib/training). */
export const trainPayloadSchema = z.object({
  trainingRunId: z.string().min(1),
});
export type TrainPayload = z.infer<typeof trainPayloadSchema>;

/** What just produced new evidence: a model version itself, or a run, audit, scan or dataset version behind some. */
export const evidenceSourceSchema = z.union([
  z.object({ modelVersionId: z.string().min(1) }).strict(),
  z.object({ trainingRunId: z.string().min(1) }).strict(),
  z.object({ auditId: z.string().min(1) }).strict(),
  z.object({ scanId: z.string().min(1) }).strict(),
  z.object({ datasetVersionId: z.string().min(1) }).strict(),
]);
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

/** Regrade the model versions new evidence bears on (see lib/scorecard refreshScorecards). */
export const regradePayloadSchema = z.object({
  source: evidenceSourceSchema,
  /** Why, in a few words ("audit completed"): shown in the snapshot history. */
  reason: z.string().min(1).max(200),
});
export type RegradePayload = z.infer<typeof regradePayloadSchema>;

export const PAYLOAD_SCHEMAS = {
  ingest: ingestPayloadSchema,
  scan: scanPayloadSchema,
  schedule: schedulePayloadSchema,
  audit: auditPayloadSchema,
  train: trainPayloadSchema,
  regrade: regradePayloadSchema,
} as const satisfies Record<QueueName, z.ZodType>;
