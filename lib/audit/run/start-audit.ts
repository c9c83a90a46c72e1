import { Readable } from "node:stream";
import { z } from "zod";
import { appendAuditLog } from "../../audit-log/index.ts";
import type { Principal } from "../../auth/index.ts";
import { AuditKind, type Db } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";
import { enqueue, type JobView } from "../../queue/index.ts";
import { putStream } from "../../storage/index.ts";
import { MembershipScores } from "../metrics/index.ts";
import { AUDIT_CONFIG_SCHEMAS, parseAuditConfig } from "./audit-config.ts";
import { AUDIT_VIEW_SELECT, toAuditView, type AuditView } from "./audit-view.ts";
import { estimateAuditCost, type AuditCostEstimate } from "./estimate-audit-cost.ts";
import { scoresFileSchema } from "./scores-file.ts";

export const startAuditSchema = z.object({
  kind: z.enum(AuditKind).refine((kind) => kind !== "scores_only", { message: "scores-only audits are started by uploading scores (POST /api/v1/audits/scores)" }),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type StartAuditInput = z.input<typeof startAuditSchema>;

/** POST /api/v1/audits/estimate: the cost of an audit before starting it. */
export const estimateAuditSchema = startAuditSchema.extend({ model: z.string().min(1), version: z.coerce.number().int().min(1) });

export interface StartedAudit {
  /** The audit's id (what scheduled re-audits wait on). */
  id: string;
  audit: AuditView;
  job: JobView;
  estimate: AuditCostEstimate;
}

async function createAndEnqueue(db: Db, principal: Principal, data: { modelVersionId: string | null; kind: AuditKind; config: object }, details: Record<string, unknown>, estimate: AuditCostEstimate): Promise<StartedAudit> {
  const row = await db.$transaction(async (tx) => {
    const created = await tx.leakageAudit.create({ data: { ...data, createdById: principal.userId }, select: AUDIT_VIEW_SELECT });
    await appendAuditLog(tx, { actor: { id: principal.userId, label: principal.label }, action: "audit.start", targetType: "leakage_audit", targetId: created.id, details: { kind: data.kind, ...details } });
    return created;
  });
  const job = await enqueue(db, "audit", { auditId: row.id }, { subjectType: "leakage_audit", subjectId: row.id, createdById: principal.userId });
  return { id: row.id, audit: toAuditView(row), job, estimate };
}

/**
 * Starts an audit of a model version: validates kind and config (defaults filled in and stored),
 * estimates its cost, records the row with its audit-log entry, then enqueues the `audit` job.
 * Scheduled re-audits call this with `config: {}`.
 * @throws {AppError} not_found for an unknown version; unprocessable naming the config field at fault
 */
export async function startAudit(db: Db, principal: Principal, input: { modelVersionId: string } & StartAuditInput): Promise<StartedAudit> {
  const { kind, config: rawConfig } = startAuditSchema.parse({ kind: input.kind, config: input.config });
  const version = await db.modelVersion.findUnique({ where: { id: input.modelVersionId }, select: { id: true, version: true, delta: true, model: { select: { name: true } } } });
  if (!version) throw new AppError("not_found", "no such model version", { modelVersionId: input.modelVersionId });
  const config = parseAuditConfig(kind, withClaimDelta(kind, rawConfig, version.delta));
  const estimate = await estimateAuditCost(db, { modelVersionId: version.id, kind, config });
  return createAndEnqueue(db, principal, { modelVersionId: version.id, kind, config: config as object }, { model: version.model.name, version: version.version, config }, estimate);
}

/**
 * The config with δ set to the claim's: a bound at another δ does not test the claim (a smaller δ can
 * refute a true claim). Without a claim the config's δ (default 1e-5) stands.
 * @throws {AppError} unprocessable when the config names a δ other than the claim's
 */
function withClaimDelta(kind: AuditKind, config: Record<string, unknown>, claimDelta: number | null): Record<string, unknown> {
  if (claimDelta === null || !("delta" in AUDIT_CONFIG_SCHEMAS[kind].shape)) return config;
  if (config.delta !== undefined && config.delta !== claimDelta) {
    throw new AppError("unprocessable", `config.delta: this version claims its ε at δ = ${claimDelta}; its audits test the claim at that δ (got ${String(config.delta)})`, { field: "config.delta" });
  }
  return { ...config, delta: claimDelta };
}

/** The largest scores.json accepted: 10^6 scores a side fit. */
export const MAX_SCORES_BYTES = 64 * 1024 * 1024;

export const scoresAuditMetaSchema = z.object({
  subject: z.string().trim().min(1, "name the model these scores come from").max(200),
  claimedEpsilon: z.coerce.number().min(0).optional(),
  delta: z.coerce.number().gt(0).lt(1).default(1e-5),
});
export type ScoresAuditMeta = z.input<typeof scoresAuditMetaSchema>;

/**
 * A scores-only audit of an external model from its scores.json text ({"members": [...],
 * "nonMembers": [...]}, higher = more likely member): validated at once, stored as a blob, audited
 * by the worker like any other kind.
 * @throws {AppError} unprocessable naming the fault (not JSON, a missing side, a non-finite score at index i)
 */
export async function startScoresAudit(db: Db, principal: Principal, meta: ScoresAuditMeta, scoresText: string): Promise<StartedAudit> {
  const { subject, claimedEpsilon, delta } = scoresAuditMetaSchema.parse(meta);
  let parsed: unknown;
  try {
    parsed = JSON.parse(scoresText);
  } catch {
    throw new AppError("unprocessable", "scores.json is not valid JSON");
  }
  const shape = scoresFileSchema.safeParse(parsed);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    throw new AppError("unprocessable", `scores.json ${issue.path.join(".") || "root"}: ${issue.message}; expected {"members": [numbers], "nonMembers": [numbers]}`);
  }
  try {
    new MembershipScores(shape.data).validate("scores.json");
  } catch (error) {
    throw new AppError("unprocessable", (error as Error).message);
  }
  const blob = await putStream(Readable.from([Buffer.from(scoresText)]), { maxBytes: MAX_SCORES_BYTES });
  const config = parseAuditConfig("scores_only", { subject, claimedEpsilon: claimedEpsilon ?? null, delta, scoresKey: blob.key, members: shape.data.members.length, nonMembers: shape.data.nonMembers.length });
  const estimate = await estimateAuditCost(db, { modelVersionId: null, kind: "scores_only", config });
  return createAndEnqueue(db, principal, { modelVersionId: null, kind: "scores_only", config }, { subject, members: config.members, nonMembers: config.nonMembers }, estimate);
}
