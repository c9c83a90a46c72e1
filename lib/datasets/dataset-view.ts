// What callers see of datasets and versions: plain JSON-ready values (sizes as strings, since a
// BigInt does not serialise), owner and uploader by email, never a blob path.
import type { Prisma, VersionStatus } from "../db/index.ts";

export const DATASET_OWNER_INCLUDE = {
  owner: { select: { email: true, name: true } },
} satisfies Prisma.DatasetInclude;

type DatasetWithOwner = Prisma.DatasetGetPayload<{ include: typeof DATASET_OWNER_INCLUDE }>;

export interface VersionStats {
  versionCount: number;
  latestVersion: { version: number; status: VersionStatus } | null;
}

export interface DatasetSummary {
  id: string;
  name: string;
  description: string;
  owner: { email: string; name: string };
  source: string;
  collectionMethod: string;
  consentBasis: DatasetWithOwner["consentBasis"];
  licenseExpression: string;
  intendedUse: DatasetWithOwner["intendedUse"];
  collectionPeriodStart: Date | null;
  collectionPeriodEnd: Date | null;
  retention: string | null;
  versionCount: number;
  latestVersion: VersionStats["latestVersion"];
  createdAt: Date;
  updatedAt: Date;
}

export function toDatasetSummary(dataset: DatasetWithOwner, stats: VersionStats): DatasetSummary {
  return {
    id: dataset.id,
    name: dataset.name,
    description: dataset.description,
    owner: dataset.owner,
    source: dataset.source,
    collectionMethod: dataset.collectionMethod,
    consentBasis: dataset.consentBasis,
    licenseExpression: dataset.licenseExpression,
    intendedUse: dataset.intendedUse,
    collectionPeriodStart: dataset.collectionPeriodStart,
    collectionPeriodEnd: dataset.collectionPeriodEnd,
    retention: dataset.retention,
    versionCount: stats.versionCount,
    latestVersion: stats.latestVersion,
    createdAt: dataset.createdAt,
    updatedAt: dataset.updatedAt,
  };
}

export const VERSION_INCLUDE = {
  dataset: { select: { name: true } },
  uploadedBy: { select: { email: true } },
  parents: {
    orderBy: { createdAt: "asc" },
    select: { transformation: true, parent: { select: { id: true, version: true, dataset: { select: { name: true } } } } },
  },
} satisfies Prisma.DatasetVersionInclude;

type VersionWithRelations = Prisma.DatasetVersionGetPayload<{ include: typeof VERSION_INCLUDE }>;

export interface DatasetVersionView {
  id: string;
  datasetName: string;
  version: number;
  sha256: string;
  /** Bytes, as a decimal string. */
  sizeBytes: string;
  format: VersionWithRelations["format"];
  originalFilename: string;
  rowCount: number | null;
  columnSchema: unknown;
  status: VersionWithRelations["status"];
  progress: number;
  error: string | null;
  notes: string;
  createdAt: Date;
  ingestedAt: Date | null;
  uploadedBy: { email: string };
  parents: { id: string; version: number; datasetName: string; transformation: string }[];
}

export function toVersionView(version: VersionWithRelations): DatasetVersionView {
  return {
    id: version.id,
    datasetName: version.dataset.name,
    version: version.version,
    sha256: version.sha256,
    sizeBytes: version.sizeBytes.toString(),
    format: version.format,
    originalFilename: version.originalFilename,
    rowCount: version.rowCount,
    columnSchema: version.columnSchema,
    status: version.status,
    progress: version.progress,
    error: version.error,
    notes: version.notes,
    createdAt: version.createdAt,
    ingestedAt: version.ingestedAt,
    uploadedBy: version.uploadedBy,
    parents: version.parents.map(({ parent, transformation }) => ({
      id: parent.id,
      version: parent.version,
      datasetName: parent.dataset.name,
      transformation,
    })),
  };
}
