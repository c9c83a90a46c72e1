import { appendAuditLog } from "../audit-log/index.ts";
import { actsAs, principalCan, type Principal } from "../auth/index.ts";
import { ADVISORY_LOCK_CLASSES, type Db, type Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { enqueue, type JobView } from "../queue/index.ts";
import { detectFormat } from "../records/index.ts";
import { getBlobStore, maxUploadBytes, type BlobStore, type PutBlobResult } from "../storage/index.ts";
import { checkFilename } from "./check-filename.ts";
import { toVersionView, VERSION_INCLUDE, type DatasetVersionView } from "./dataset-view.ts";
import { isUniqueViolation } from "./prisma-errors.ts";

export interface UploadDatasetVersionOptions {
  datasetName: string;
  filename: string;
  /** The file's bytes, streamed to storage as they arrive. */
  stream: NodeJS.ReadableStream;
  /** Ids of the versions (of any dataset) this one derives from. */
  parents?: string[];
  /** How this version was made from its parents, e.g. "dropped free-text notes column". */
  transformation?: string;
  notes?: string;
  contentType?: string;
  /** @defaultValue getBlobStore() */
  store?: BlobStore;
  /** @defaultValue CANARY_MAX_UPLOAD_BYTES */
  maxBytes?: number;
}

export interface UploadDatasetVersionResult {
  version: DatasetVersionView;
  job: JobView;
}


/**
 * Stores an immutable new version of a dataset: checks what can be checked before reading the
 * body, streams the body to content-addressed storage, then in one transaction records the
 * version (number = previous + 1), its lineage edges and the `dataset_version.upload` audit entry,
 * and after commit enqueues `ingest`. On any refusal nothing stays behind: no row, and no blob
 * unless another version already uses it. The caller checks `datasets.upload`; this checks the
 * dataset is the principal's own, unless they hold `datasets.upload_any`.
 */
export async function uploadDatasetVersion(db: Db, principal: Principal, options: UploadDatasetVersionOptions): Promise<UploadDatasetVersionResult> {
  const filename = checkFilename(options.filename);
  const format = detectFormat(filename);
  if (options.contentType?.toLowerCase().startsWith("multipart/")) {
    throw new AppError("unsupported_media_type", "send the file's raw bytes as the request body, not a multipart form");
  }
  const dataset = await db.dataset.findUnique({ where: { name: options.datasetName }, select: { id: true, name: true, ownerId: true } });
  if (!dataset) throw new AppError("not_found", `no dataset named "${options.datasetName}"`, { name: options.datasetName });
  if (!actsAs(principal, dataset.ownerId) && !principalCan(principal, "datasets.upload_any")) {
    throw new AppError("forbidden", `only the owner of dataset "${dataset.name}" or an admin may upload its versions`);
  }
  const parentIds = [...new Set(options.parents ?? [])];
  await checkParentsExist(db, parentIds);

  const store = options.store ?? getBlobStore();
  const blob = await store.putStream(options.stream, { maxBytes: options.maxBytes ?? maxUploadBytes() });
  let versionId: string;
  try {
    versionId = await recordVersion(db, principal, { ...options, filename, format, parentIds, dataset, blob, store });
  } catch (error) {
    if (blob.created) await removeBlobIfUnused(db, store, blob.key);
    throw error;
  }

  let job: JobView;
  try {
    job = await enqueue(db, "ingest", { datasetVersionId: versionId }, {
      subjectType: "dataset_version",
      subjectId: versionId,
      createdById: principal.userId,
    });
  } catch {
    // The version is stored; its Job row records that queueing failed, so the caller sees why.
    const failed = await db.job.findFirst({ where: { subjectType: "dataset_version", subjectId: versionId }, orderBy: { createdAt: "desc" } });
    if (!failed) throw new AppError("internal", "the version was stored but its ingest job could not be queued");
    job = failed;
  }
  const version = await db.datasetVersion.findUniqueOrThrow({ where: { id: versionId }, include: VERSION_INCLUDE });
  return { version: toVersionView(version), job };
}

async function checkParentsExist(db: Db, parentIds: string[]): Promise<void> {
  if (parentIds.length === 0) return;
  const found = await db.datasetVersion.findMany({ where: { id: { in: parentIds } }, select: { id: true } });
  const missing = parentIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new AppError("unprocessable", `parents: no dataset version with id ${missing.map((id) => JSON.stringify(id)).join(", ")}`, {
      field: "parents",
      missing,
    });
  }
}

interface RecordVersionInput extends UploadDatasetVersionOptions {
  format: ReturnType<typeof detectFormat>;
  parentIds: string[];
  dataset: { id: string; name: string };
  blob: PutBlobResult;
  store: BlobStore;
}

async function recordVersion(db: Db, principal: Principal, input: RecordVersionInput): Promise<string> {
  const existing = await findVersionWithContent(db, input.dataset.id, input.blob.sha256);
  if (existing !== null) throw identicalContent(existing);
  // The per-dataset lock makes numbering race-free; the retry covers a writer that does not take it.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction((tx) => insertVersion(tx, principal, input));
    } catch (error) {
      if (isUniqueViolation(error, "sha256")) {
        const winner = await findVersionWithContent(db, input.dataset.id, input.blob.sha256);
        if (winner !== null) throw identicalContent(winner);
      }
      if (attempt < 2 && isUniqueViolation(error, "version")) continue;
      throw error;
    }
  }
}

async function insertVersion(tx: Tx, principal: Principal, input: RecordVersionInput): Promise<string> {
  const { dataset, blob } = input;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASSES.dataset}::int, hashtext(${dataset.id}))`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASSES.blob}::int, hashtext(${blob.key}))`;
  // A refused identical upload elsewhere may have removed the blob between our write and this lock.
  if (!(await input.store.hasBlob(blob.key))) {
    throw new AppError("conflict", "the upload crossed another upload of the same file; send it again");
  }
  const last = await tx.datasetVersion.findFirst({ where: { datasetId: dataset.id }, orderBy: { version: "desc" }, select: { version: true } });
  const created = await tx.datasetVersion.create({
    data: {
      datasetId: dataset.id,
      version: (last?.version ?? 0) + 1,
      sha256: blob.sha256,
      sizeBytes: BigInt(blob.sizeBytes),
      format: input.format,
      originalFilename: input.filename,
      storageKey: blob.key,
      notes: input.notes ?? "",
      uploadedById: principal.userId,
    },
    select: { id: true, version: true },
  });
  if (input.parentIds.length > 0) {
    await tx.lineageEdge.createMany({
      data: input.parentIds.map((parentVersionId) => ({
        parentVersionId,
        childVersionId: created.id,
        transformation: input.transformation ?? "",
      })),
    });
  }
  await tx.dataset.update({ where: { id: dataset.id }, data: { versionCount: { increment: 1 } } });
  await appendAuditLog(tx, {
    actor: { id: principal.userId, label: principal.label },
    action: "dataset_version.upload",
    targetType: "dataset_version",
    targetId: created.id,
    details: {
      dataset: dataset.name,
      version: created.version,
      sha256: blob.sha256,
      sizeBytes: String(blob.sizeBytes),
      format: input.format,
      parents: input.parentIds,
    },
  });
  return created.id;
}

async function findVersionWithContent(db: Db, datasetId: string, sha256: string): Promise<number | null> {
  const row = await db.datasetVersion.findUnique({ where: { datasetId_sha256: { datasetId, sha256 } }, select: { version: true } });
  return row?.version ?? null;
}

function identicalContent(existingVersion: number): AppError {
  return new AppError("conflict", `identical content is already version ${existingVersion}`, { existingVersion });
}

/** Deletes a blob this upload created, unless a version references it (checked under the blob's lock). */
export async function removeBlobIfUnused(db: Db, store: BlobStore, key: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASSES.blob}::int, hashtext(${key}))`;
    const references = await tx.datasetVersion.count({ where: { storageKey: key } });
    if (references === 0) await store.deleteBlob(key);
  });
}
