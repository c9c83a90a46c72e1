import { appendAuditLog } from "../audit-log/index.ts";
import type { Principal } from "../auth/index.ts";
import type { Db, Prisma } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { type ArtifactBundle, loadBundle } from "./artifact-bundle.ts";
import { storeBundle } from "./artifact-store.ts";
import type { ModelVersionConfig } from "./model-version-config.ts";
import type { DeclaredGuarantee } from "./schemas.ts";
import { modelNameSchema } from "./schemas.ts";

export interface FormalGuarantee {
  epsilon: number;
  delta: number;
  accountant: "rdp" | "prv";
  noiseMultiplier: number;
  sampleRate: number;
  steps: number;
  clipNorm: number;
}

export interface RegisterModelVersionInput {
  modelName: string;
  /** Used only when the model is created by this call. */
  description?: string;
  source: "trained" | "uploaded";
  bundle: ArtifactBundle;
  config: ModelVersionConfig;
  metrics?: Record<string, number>;
  baselineMetrics?: Record<string, number> | null;
  /** Computed by Canary's accountant (training only): stored with source "accountant". */
  guarantee?: FormalGuarantee | null;
  /** Stated by an uploader: stored with source "declared" ("declared, not verified"). */
  declaredGuarantee?: DeclaredGuarantee;
  backend?: string | null;
  trainDatasetVersionId?: string | null;
  evalDatasetVersionId?: string | null;
  publicDatasetVersionId?: string | null;
  /** Links the run to the version; a run already linked returns its version (a retried job registers once). */
  trainingRunId?: string;
}

export interface RegisteredModelVersion {
  id: string;
  modelName: string;
  version: number;
  artifactSha256: string;
  created: boolean;
}

/**
 * Registers an immutable model version: validates the artifact by loading it, stores it as one
 * content-addressed blob, then in one transaction creates the model if new, numbers the version
 * (the model row locked, so concurrent registrations get distinct numbers), links the training run
 * and appends the audit entry. A formal and a declared guarantee are exclusive.
 * @throws AppError unprocessable for an artifact that does not load, bad_request for both guarantees.
 */
export async function registerModelVersion(db: Db, principal: Pick<Principal, "userId" | "label" | "tokenCreatedById">, input: RegisterModelVersionInput): Promise<RegisteredModelVersion> {
  const name = modelNameSchema.safeParse(input.modelName);
  if (!name.success) throw new AppError("bad_request", `model name: ${name.error.issues[0]!.message}`, { field: "name" });
  if (input.guarantee && input.declaredGuarantee) throw new AppError("bad_request", "a model version has either a formal or a declared guarantee, not both");
  const model = await loadBundle(input.bundle);
  model.dispose();
  const stored = await storeBundle(input.bundle);
  const guaranteeColumns = input.guarantee
    ? { guaranteeSource: "accountant" as const, ...input.guarantee }
    : input.declaredGuarantee
      ? { guaranteeSource: "declared" as const, epsilon: input.declaredGuarantee.epsilon, delta: input.declaredGuarantee.delta, accountant: input.declaredGuarantee.accountant ?? null }
      : {};
  const config: ModelVersionConfig = { ...input.config, ...(input.trainingRunId ? { trainingRunId: input.trainingRunId } : {}) };

  return db.$transaction(async (tx) => {
    if (input.trainingRunId) {
      const run = await tx.trainingRun.findUnique({ where: { id: input.trainingRunId }, select: { modelVersion: { select: { id: true, version: true, artifactSha256: true } } } });
      if (!run) throw new AppError("not_found", "no such training run", { id: input.trainingRunId });
      if (run.modelVersion) return { id: run.modelVersion.id, modelName: name.data, version: run.modelVersion.version, artifactSha256: run.modelVersion.artifactSha256, created: false };
    }
    const found = await tx.model.upsert({
      where: { name: name.data },
      create: { name: name.data, description: input.description ?? "", ownerId: principal.userId },
      update: {},
      select: { id: true },
    });
    await tx.$queryRaw`SELECT id FROM "Model" WHERE id = ${found.id} FOR UPDATE`;
    const last = await tx.modelVersion.findFirst({ where: { modelId: found.id }, orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const created = await tx.modelVersion.create({
      data: {
        modelId: found.id,
        version,
        source: input.source,
        artifactKey: stored.key,
        artifactSha256: stored.sha256,
        framework: "tfjs-layers",
        backend: input.backend ?? null,
        config: config as unknown as Prisma.InputJsonValue,
        metrics: (input.metrics ?? {}) as Prisma.InputJsonValue,
        ...(input.baselineMetrics ? { baselineMetrics: input.baselineMetrics as Prisma.InputJsonValue } : {}),
        ...guaranteeColumns,
        trainDatasetVersionId: input.trainDatasetVersionId ?? null,
        evalDatasetVersionId: input.evalDatasetVersionId ?? null,
        publicDatasetVersionId: input.publicDatasetVersionId ?? null,
        createdById: principal.userId,
        tokenCreatedById: principal.tokenCreatedById ?? null,
      },
      select: { id: true },
    });
    await tx.model.update({ where: { id: found.id }, data: { updatedAt: new Date() } });
    if (input.trainingRunId) await tx.trainingRun.update({ where: { id: input.trainingRunId }, data: { modelVersionId: created.id } });
    await appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "model_version.register",
      targetType: "model_version",
      targetId: created.id,
      details: { model: name.data, version, source: input.source, sha256: stored.sha256, guarantee: guaranteeColumns.guaranteeSource ?? "none", epsilon: guaranteeColumns.epsilon ?? null },
    });
    return { id: created.id, modelName: name.data, version, artifactSha256: stored.sha256, created: true };
  });
}
