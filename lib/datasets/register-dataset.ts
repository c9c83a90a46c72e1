import { appendAuditLog } from "../audit-log/index.ts";
import type { Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { DATASET_OWNER_INCLUDE, toDatasetSummary, type DatasetSummary } from "./dataset-view.ts";
import { isUniqueViolation } from "./prisma-errors.ts";
import { registerDatasetSchema, type RegisterDatasetInput } from "./schemas.ts";

/**
 * Registers a dataset and its provenance (source, consent basis, license, intended use) and
 * writes `dataset.register` to the audit log in the same transaction. Permission checks are the
 * caller's (`datasets.write`).
 */
export async function registerDataset(db: Db, principal: Principal, input: RegisterDatasetInput): Promise<DatasetSummary> {
  const data = registerDatasetSchema.parse(input);
  if (data.collectionPeriodStart && data.collectionPeriodEnd && data.collectionPeriodStart > data.collectionPeriodEnd) {
    throw new AppError("unprocessable", "collectionPeriodEnd: the collection period ends before it starts", { field: "collectionPeriodEnd" });
  }
  let ownerId = principal.userId;
  if (data.ownerEmail && data.ownerEmail !== principal.email) {
    const owner = await db.user.findUnique({ where: { email: data.ownerEmail }, select: { id: true, disabledAt: true } });
    if (!owner || owner.disabledAt) throw new AppError("unprocessable", "ownerEmail: no active user has this email", { field: "ownerEmail" });
    ownerId = owner.id;
  }
  try {
    return await db.$transaction(async (tx) => {
      const dataset = await tx.dataset.create({
        data: {
          name: data.name,
          description: data.description,
          ownerId,
          source: data.source,
          collectionMethod: data.collectionMethod,
          consentBasis: data.consentBasis,
          licenseExpression: data.licenseExpression,
          intendedUse: data.intendedUse,
          collectionPeriodStart: data.collectionPeriodStart ?? null,
          collectionPeriodEnd: data.collectionPeriodEnd ?? null,
          retention: data.retention ?? null,
        },
        include: DATASET_OWNER_INCLUDE,
      });
      await appendAuditLog(tx, {
        actor: { id: principal.userId, label: principal.label },
        action: "dataset.register",
        targetType: "dataset",
        targetId: dataset.id,
        details: {
          name: dataset.name,
          ownerId,
          consentBasis: dataset.consentBasis,
          licenseExpression: dataset.licenseExpression,
          intendedUse: dataset.intendedUse,
        },
      });
      return toDatasetSummary(dataset, { versionCount: 0, latestVersion: null });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `a dataset named "${data.name}" already exists`, { field: "name" });
    throw error;
  }
}
