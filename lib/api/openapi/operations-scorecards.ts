// Scorecards, approvals, policies, deployments (promote, rollback, resolve), schedules and
// notifications (issue 8). Request schemas are the ones the route handlers parse with.
import { z } from "zod";
import { deployInputSchema, listDeploymentsQuerySchema } from "../../deploy/index.ts";
import { listNotificationsQuerySchema } from "../../notifications/index.ts";
import { createScheduleSchema, listSchedulesQuerySchema, updateScheduleSchema } from "../../schedules/index.ts";
import { decideScorecardSchema, exportQuerySchema, listScorecardsQuerySchema, recomputeScorecardSchema, savePolicySchema } from "../../scorecard/index.ts";
import { json, type Operation } from "./operation.ts";
import { jobSchema, paginated } from "./schemas.ts";

const timestamp = z.iso.datetime();
const grade = z.enum(["A", "B", "C", "D", "F"]);
const idParam = z.object({ id: z.string() });

const criterionResultSchema = z.object({
  id: z.string(),
  value: z.unknown(),
  threshold: z.unknown(),
  status: z.enum(["pass", "fail", "missing"]),
  reason: z.string().describe("one sentence a compliance officer can read"),
});

const scorecardSummarySchema = z
  .object({
    id: z.string(),
    modelVersionId: z.string(),
    model: z.string(),
    version: z.number().int(),
    grade,
    snapshotHash: z.string().describe("sha256 over the canonical snapshot; approvals bind to it"),
    reason: z.string(),
    createdAt: timestamp,
    decision: z.enum(["approved", "rejected"]).nullable(),
    invalidated: z.boolean().describe("an earlier snapshot was approved: that approval no longer counts"),
  })
  .meta({ id: "ScorecardSummary" });

const scorecardSchema = z
  .object({
    id: z.string(),
    snapshotHash: z.string(),
    grade,
    verdict: z.enum(["pass", "conditional", "fail"]),
    isLatest: z.boolean(),
    criteria: z.array(criterionResultSchema.extend({ kind: z.string(), required: z.boolean() })),
    evidence: z.record(z.string(), z.unknown()).describe("the evidence bundle (GET /api/v1/evidence/schema)"),
    evidenceHashes: z.record(z.string(), z.unknown()),
    approvals: z.array(z.object({ decision: z.enum(["approved", "rejected"]), comment: z.string(), approver: z.string(), decidedAt: timestamp, counts: z.boolean() })),
  })
  .loose()
  .meta({ id: "Scorecard" });

const approvalSchema = z.object({ id: z.string(), scorecardId: z.string(), snapshotHash: z.string(), decision: z.enum(["approved", "rejected"]), comment: z.string(), approverId: z.string(), createdAt: timestamp }).meta({ id: "Approval" });

const deploymentSchema = z
  .object({ id: z.string(), environment: z.string(), model: z.string(), version: z.number().int(), fromVersion: z.number().int().nullable(), action: z.enum(["promote", "rollback"]), reason: z.string(), createdAt: timestamp })
  .loose()
  .meta({ id: "Deployment" });

const resolvedDeploymentSchema = z
  .object({
    model: z.string(),
    version: z.number().int(),
    environment: z.string(),
    artifact: z.object({ url: z.url(), sha256: z.string() }),
    scorecard: z.object({ grade, snapshotHash: z.string(), approved: z.boolean() }).nullable(),
    deployedAt: timestamp,
    deployedBy: z.string(),
  })
  .meta({ id: "ResolvedDeployment" });

const policyVersionSchema = z.object({ id: z.string(), version: z.number().int(), document: z.record(z.string(), z.unknown()), documentSha256: z.string(), createdAt: timestamp }).loose().meta({ id: "PolicyVersion" });
const scheduleSchema = z.object({ id: z.string(), kind: z.enum(["reaudit", "rescan", "regrade"]), cron: z.string(), enabled: z.boolean(), lastRunAt: timestamp.nullable(), nextRunAt: timestamp.nullable(), lastStatus: z.string().nullable() }).loose().meta({ id: "Schedule" });
const notificationSchema = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), readAt: timestamp.nullable(), createdAt: timestamp, details: z.unknown() }).loose().meta({ id: "Notification" });
const jsonSchemaDocument = z.record(z.string(), z.unknown()).describe("a JSON Schema (draft 2020-12)");

export const SCORECARD_OPERATIONS: Operation[] = [
  { method: "GET", route: "/api/v1/scorecards", operationId: "listScorecards", summary: "Latest scorecard of every model version (status=awaiting is the review queue)", tag: "scorecards", query: listScorecardsQuerySchema, success: { status: 200, description: "One page", schema: paginated(scorecardSummarySchema) } },
  { method: "POST", route: "/api/v1/scorecards/recompute", operationId: "recomputeScorecard", summary: "Regrade a model version now (a new snapshot only when evidence or policy changed)", tag: "scorecards", body: { required: true, content: json(recomputeScorecardSchema) }, success: { status: 201, description: "The new snapshot (200 with created=false when unchanged)" }, errors: [404, 409] },
  { method: "GET", route: "/api/v1/scorecards/[id]", operationId: "getScorecard", summary: "One scorecard snapshot with its evidence, hashes and decisions", tag: "scorecards", params: idParam, success: { status: 200, description: "The snapshot", schema: scorecardSchema }, errors: [404] },
  { method: "POST", route: "/api/v1/scorecards/[id]/decision", operationId: "decideScorecard", summary: "Approve or reject a scorecard snapshot (separation of duties: not by the version's author)", tag: "approvals", params: idParam, body: { required: true, content: json(decideScorecardSchema) }, success: { status: 201, description: "The decision, bound to the snapshot's hash", schema: approvalSchema }, errors: [404, 409] },
  { method: "GET", route: "/api/v1/scorecards/[id]/export", operationId: "exportScorecard", summary: "Export as canary.scorecard/v1 JSON or as PDF, with evidence hashes, approvals and framework mapping", tag: "scorecards", params: idParam, query: exportQuerySchema, success: { status: 200, description: "JSON, or application/pdf" }, errors: [404] },
  { method: "GET", route: "/api/v1/policies", operationId: "listPolicyVersions", summary: "Versions of the privacy policy, current first", tag: "policies", success: { status: 200, description: "Every version", schema: z.object({ items: z.array(policyVersionSchema) }) } },
  { method: "POST", route: "/api/v1/policies", operationId: "savePolicyVersion", summary: "Save a policy document as the next version (regrades scorecards)", tag: "policies", body: { required: true, content: json(savePolicySchema) }, success: { status: 201, description: "The new version and how many scorecards were regraded", schema: z.object({ policy: policyVersionSchema, recomputed: z.number().int() }) }, errors: [409] },
  { method: "GET", route: "/api/v1/policies/schema", operationId: "getPolicyJsonSchema", summary: "JSON Schema of a policy document", tag: "policies", success: { status: 200, description: "The schema", schema: jsonSchemaDocument } },
  { method: "GET", route: "/api/v1/evidence/schema", operationId: "getEvidenceJsonSchema", summary: "JSON Schema of an evidence bundle", tag: "policies", success: { status: 200, description: "The schema", schema: jsonSchemaDocument } },
  { method: "GET", route: "/api/v1/deployments", operationId: "listDeployments", summary: "History of promotions and rollbacks", tag: "deployments", query: listDeploymentsQuerySchema, success: { status: 200, description: "One page", schema: paginated(deploymentSchema) } },
  { method: "GET", route: "/api/v1/deployments/current", operationId: "listCurrentDeployments", summary: "What each environment runs now, per model", tag: "deployments", success: { status: 200, description: "One row per environment and model", schema: z.object({ items: z.array(deploymentSchema) }) } },
  { method: "POST", route: "/api/v1/deployments/promote", operationId: "promoteModelVersion", summary: "Promote a version whose latest scorecard is approved", tag: "deployments", body: { required: true, content: json(deployInputSchema) }, success: { status: 201, description: "The deployment", schema: deploymentSchema }, errors: [404, 409] },
  { method: "POST", route: "/api/v1/deployments/rollback", operationId: "rollbackModelVersion", summary: "Roll an environment back to an earlier approved version, with a reason", tag: "deployments", body: { required: true, content: json(deployInputSchema) }, success: { status: 201, description: "The deployment", schema: deploymentSchema }, errors: [404, 409] },
  { method: "GET", route: "/api/v1/models/[name]/deployments/[environment]", operationId: "resolveDeployment", summary: "What a serving system should load: version, artifact URL and sha256, scorecard grade", tag: "deployments", params: z.object({ name: z.string(), environment: z.string() }), success: { status: 200, description: "The deployed version", schema: resolvedDeploymentSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/schedules", operationId: "listSchedules", summary: "Scheduled re-audits and re-scans, last and next runs", tag: "schedules", query: listSchedulesQuerySchema, success: { status: 200, description: "One page", schema: paginated(scheduleSchema) } },
  { method: "POST", route: "/api/v1/schedules", operationId: "createSchedule", summary: "Schedule a re-audit or re-scan of a deployed model (cron)", tag: "schedules", body: { required: true, content: json(createScheduleSchema) }, success: { status: 201, description: "The schedule", schema: scheduleSchema }, errors: [404] },
  { method: "PATCH", route: "/api/v1/schedules/[id]", operationId: "updateSchedule", summary: "Enable or disable a schedule", tag: "schedules", params: idParam, body: { required: true, content: json(updateScheduleSchema) }, success: { status: 200, description: "The schedule", schema: scheduleSchema }, errors: [404] },
  { method: "POST", route: "/api/v1/schedules/[id]/run", operationId: "runScheduleNow", summary: "Run a schedule now", tag: "schedules", params: idParam, success: { status: 202, description: "The queued job", schema: jobSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/notifications", operationId: "listNotifications", summary: "The caller's notifications and the team's alerts", tag: "notifications", query: listNotificationsQuerySchema, success: { status: 200, description: "One page, with the unread count", schema: paginated(notificationSchema).extend({ unreadCount: z.number().int() }) } },
  { method: "POST", route: "/api/v1/notifications/[id]/read", operationId: "markNotificationRead", summary: "Mark a notification read (a team alert: acknowledged)", tag: "notifications", params: idParam, success: { status: 200, description: "The notification", schema: notificationSchema }, errors: [404] },
];
