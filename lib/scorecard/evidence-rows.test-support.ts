// Test support for lib/scorecard, lib/deploy, lib/schedules and workers/schedule: model versions,
// dataset versions, audits and scans created directly as rows, in a database of the test's own
// (the organisation's policy is global, so these tests never share a database with others).
import { createHash, randomUUID } from "node:crypto";
import type { Principal } from "../auth/index.ts";
import { createDb, createScratchDatabase, type Db, type Severity } from "../db/index.ts";
import { defaultPolicy, type PolicyDocument } from "../policy/index.ts";
import { savePolicyVersion } from "./save-policy-version.ts";

const tag = () => randomUUID().slice(0, 8);

/** A database of the caller's own, migrated, with the default policy saved by a fresh admin. */
export async function policyDatabase(prefix: string) {
  const scratch = await createScratchDatabase(prefix, { template: process.env.CANARY_TEST_TEMPLATE_DB });
  const db = createDb(scratch.url);
  const admin = await person(db, "admin");
  await savePolicyVersion(db, admin, { document: defaultPolicy() });
  return { db, admin, close: async () => (await db.$disconnect(), await scratch.drop()) };
}

export async function person(db: Db, role: Principal["roles"][number]): Promise<Principal> {
  const email = `${role.replace("_", "-")}-${tag()}@canary.test`;
  const user = await db.user.create({ data: { email, name: role, roles: { create: { role } } } });
  return { userId: user.id, email, label: email, roles: [role], via: "session" };
}

/** A ready dataset version (no file behind it: the scorecard reads only its rows). */
export async function datasetVersion(db: Db, owner: Principal) {
  const dataset = await db.dataset.create({
    data: { name: `ds-${tag()}`, ownerId: owner.userId, source: "test", collectionMethod: "generated", consentBasis: "consent", licenseExpression: "CC-BY-4.0", intendedUse: "research_only", versionCount: 1 },
  });
  const sha256 = createHash("sha256").update(dataset.id).digest("hex");
  return db.datasetVersion.create({
    data: { datasetId: dataset.id, version: 1, sha256, sizeBytes: 10n, format: "csv", originalFilename: "x.csv", storageKey: sha256, status: "ready", uploadedById: owner.userId },
  });
}

/** A completed PII scan of a version with findings of the given severities (all open). */
export async function piiScan(db: Db, datasetVersionId: string, severities: Severity[] = []) {
  const scan = await db.scan.create({ data: { datasetVersionId, kind: "pii", status: "completed", summary: {}, finishedAt: new Date() } });
  for (const [index, severity] of severities.entries()) {
    await db.finding.create({ data: { scanId: scan.id, datasetVersionId, type: "email", severity, location: { recordId: String(index) }, fingerprint: `f${index}` } });
  }
  return scan;
}

export interface ModelVersionOptions {
  model?: string;
  version?: number;
  /** The guarantee (default ε = 2 at δ = 1e-5 from Canary's accountant); a declared one makes an uploaded version. */
  dp?: { epsilon: number; delta: number; source?: "accountant" | "declared" } | null;
  accuracy?: number;
  baselineAccuracy?: number;
  trainDatasetVersionId?: string;
}

export async function modelVersion(db: Db, author: Principal, options: ModelVersionOptions = {}) {
  const name = options.model ?? `model-${tag()}`;
  const model = await db.model.upsert({ where: { name }, create: { name, ownerId: author.userId }, update: {} });
  const version = options.version ?? (await db.modelVersion.count({ where: { modelId: model.id } })) + 1;
  const dp = options.dp === undefined ? { epsilon: 2, delta: 1e-5 } : options.dp;
  return db.modelVersion.create({
    data: {
      modelId: model.id,
      version,
      source: dp?.source === "declared" ? "uploaded" : "trained",
      artifactKey: `k-${tag()}`,
      artifactSha256: createHash("sha256").update(`${name}-${version}`).digest("hex"),
      metrics: { accuracy: options.accuracy ?? 0.86 },
      baselineMetrics: { accuracy: options.baselineAccuracy ?? 0.88 },
      ...(dp
        ? { guaranteeSource: dp.source ?? "accountant", epsilon: dp.epsilon, delta: dp.delta, accountant: "rdp", noiseMultiplier: 1.1, sampleRate: 0.01, steps: 1000, clipNorm: 1 }
        : {}),
      trainDatasetVersionId: options.trainDatasetVersionId ?? null,
      createdById: author.userId,
    },
    include: { model: true },
  });
}

export interface AuditFigures {
  auc: number;
  tpr: number;
  epsilonLowerBound: number;
}

/** Stored results of a membership audit (lib/audit/run results schema) with these headline figures. */
export function membershipResults(figures: AuditFigures, kind: "membership_inference" | "lira" = "membership_inference") {
  const common = {
    auc: figures.auc,
    advantage: 2 * (figures.auc - 0.5),
    tprAtFpr: { "0.001": figures.tpr, "0.01": figures.tpr * 2 },
    epsilonLowerBound: figures.epsilonLowerBound,
    claimedEpsilon: null,
    verdict: "no_claim" as const,
    delta: 1e-5,
    alpha: 0.05,
    balancedAccuracy: figures.auc,
    ppv: 0.5,
    members: 100,
    nonMembers: 100,
    confidenceIntervals: null,
    roc: { fpr: [0, 1], tpr: [0, 1] },
  };
  return kind === "lira" ? { kind, variant: "offline" as const, shadowModels: 4, ...common } : { kind, attack: "loss_threshold" as const, scoreKind: "loss", ...common };
}

/** A completed membership audit with these figures. */
export async function audit(db: Db, modelVersionId: string, author: Principal, figures: AuditFigures, kind: "membership_inference" | "lira" = "membership_inference") {
  return db.leakageAudit.create({
    data: { modelVersionId, kind, status: "completed", results: membershipResults(figures, kind), createdById: author.userId, finishedAt: new Date() },
  });
}

/** A model version whose evidence passes every required criterion of the default policy. */
export async function privateVersion(db: Db, author: Principal, model?: string) {
  const dv = await datasetVersion(db, author);
  await piiScan(db, dv.id, ["low"]);
  const mv = await modelVersion(db, author, { model, trainDatasetVersionId: dv.id });
  await audit(db, mv.id, author, { auc: 0.51, tpr: 0.002, epsilonLowerBound: 0.4 });
  return mv;
}

/** The default policy with one criterion's threshold replaced. */
export function tightened(id: string, threshold: number): PolicyDocument {
  const policy = defaultPolicy();
  return { ...policy, criteria: policy.criteria.map((c) => (c.id === id && "threshold" in c ? ({ ...c, threshold } as typeof c) : c)) };
}
