// Leakage audits (issue 6): operations and their response shapes.
import { z } from "zod";
import { AuditKind, RunStatus } from "../../db/index.ts";
import { estimateAuditSchema, listAuditsQuerySchema, scoresAuditMetaSchema, scoresFileSchema, startAuditSchema } from "../../audit/index.ts";
import { json, type Operation } from "./operation.ts";
import { jobSchema, paginated } from "./schemas.ts";

const timestamp = z.iso.datetime();
const versionParams = z.object({ name: z.string().describe("Model name"), version: z.coerce.number().int().min(1) });
const idParam = z.object({ id: z.string() });

const auditSchema = z
  .object({
    id: z.string(),
    kind: z.enum(AuditKind),
    status: z.enum(RunStatus),
    config: z.record(z.string(), z.unknown()).describe("The kind's configuration, defaults filled in"),
    results: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe("Immutable once completed; membership kinds hold auc, advantage, tprAtFpr {0.001, 0.01}, epsilonLowerBound (exploratory: every threshold swept; the one-run audit's own bound for one_run_epsilon), certified (the held-out-threshold bound: epsilonLowerBound, threshold, direction, confidence, delta, selection and test counts), claimedEpsilon, verdict (consistent | violated | evidence_only | no_claim; violated only from a one-run audit, whose runEpsilon it tests), bootstrap intervals and a thinned ROC"),
    error: z.string().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    createdBy: z.object({ id: z.string(), label: z.string() }),
    model: z.object({ name: z.string(), version: z.number().int(), modelVersionId: z.string(), claimedEpsilon: z.number().nullable(), delta: z.number().nullable() }).nullable().describe("Null for a scores-only audit of an external model"),
    datasets: z.object({ members: z.object({ name: z.string(), version: z.number().int() }).nullable(), nonMembers: z.object({ name: z.string(), version: z.number().int() }).nullable() }),
    subject: z.string(),
  })
  .meta({ id: "LeakageAudit" });

const estimateSchema = z
  .object({
    kind: z.enum(AuditKind),
    trainings: z.number().int().describe("Training runs the audit makes (shadow models, retraining)"),
    examplesPerTraining: z.number().int().nullable(),
    secondsPerTraining: z.number().nullable(),
    estimatedSeconds: z.number().nullable(),
    basis: z.enum(["training_run", "earlier_audits", "calibration", "no_training", "unknown"]),
    note: z.string(),
  })
  .meta({ id: "AuditCostEstimate" });

const startedSchema = z.object({ id: z.string(), audit: auditSchema, job: jobSchema, estimate: estimateSchema });

export const AUDIT_OPERATIONS: Operation[] = [
  { method: "GET", route: "/api/v1/models/[name]/versions/[version]/audits", operationId: "listVersionAudits", summary: "A model version's audits, newest first", tag: "audits", params: versionParams, success: { status: 200, description: "One page of audits", schema: paginated(auditSchema) }, errors: [404] },
  { method: "POST", route: "/api/v1/models/[name]/versions/[version]/audits", operationId: "startAudit", summary: "Start a leakage audit of a model version (membership inference, LiRA, one-run ε, attribute inference, inversion, extraction, canary exposure)", tag: "audits", params: versionParams, body: { required: true, content: json(startAuditSchema) }, success: { status: 201, description: "The queued audit, its job and its cost estimate", schema: startedSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/audits", operationId: "listAudits", summary: "Audits, newest first, filtered by kind, status, model and version", tag: "audits", query: listAuditsQuerySchema, success: { status: 200, description: "One page of audits", schema: paginated(auditSchema) } },
  { method: "GET", route: "/api/v1/audits/[id]", operationId: "getAudit", summary: "One audit with its results and latest job", tag: "audits", params: idParam, success: { status: 200, description: "The audit", schema: auditSchema.extend({ job: jobSchema.nullable() }) }, errors: [404] },
  { method: "POST", route: "/api/v1/audits/[id]/cancel", operationId: "cancelAudit", summary: "Cancel a queued or running audit", tag: "audits", params: idParam, success: { status: 200, description: "The cancelled audit", schema: auditSchema.extend({ job: jobSchema.nullable() }) }, errors: [404, 409] },
  { method: "POST", route: "/api/v1/audits/estimate", operationId: "estimateAudit", summary: "The cost of an audit before starting it: training runs × seconds per run", tag: "audits", body: { required: true, content: json(estimateAuditSchema) }, success: { status: 200, description: "The estimate", schema: estimateSchema }, errors: [404] },
  { method: "POST", route: "/api/v1/audits/scores", operationId: "startScoresAudit", summary: "Audit an external model from a scores file alone", tag: "audits", query: scoresAuditMetaSchema, body: { required: true, content: json(scoresFileSchema) }, success: { status: 201, description: "The queued scores-only audit", schema: startedSchema }, errors: [413] },
];
