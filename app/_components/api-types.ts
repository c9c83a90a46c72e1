// The JSON shapes of /api/v1 as the browser receives them (dates as ISO strings, BigInt as decimal
// strings), per the API contract. Pages that render server-side serialise to the same shapes.
import type { Serialized } from "@/lib/api";
import type { ApiTokenSummary } from "@/lib/auth";
import type { ConsentBasis, DataFormat, IntendedUse, VersionStatus } from "@/lib/db";
import type { JobView as QueueJobView } from "@/lib/queue";
import type { UserWithRoles } from "@/lib/users";

export interface DatasetListItem {
  id: string;
  name: string;
  description: string;
  owner: { email: string; name: string };
  source: string;
  consentBasis: ConsentBasis;
  licenseExpression: string;
  intendedUse: IntendedUse;
  versionCount: number;
  latestVersion: { version: number; status: VersionStatus } | null;
  createdAt: string;
  updatedAt: string;
}

export interface DatasetVersionView {
  id: string;
  version: number;
  sha256: string;
  sizeBytes: string;
  format: DataFormat;
  originalFilename: string;
  rowCount: number | null;
  columnSchema: unknown;
  status: VersionStatus;
  progress: number;
  error: string | null;
  notes?: string;
  createdAt: string;
  ingestedAt: string | null;
  uploadedBy: { email: string; name?: string } | null;
  parents: { id: string; version: number; datasetName: string; transformation?: string }[];
}

export interface DatasetDetail {
  id: string;
  name: string;
  description: string;
  owner: { email: string; name: string } | null;
  source: string;
  collectionMethod: string;
  consentBasis: ConsentBasis;
  licenseExpression: string;
  intendedUse: IntendedUse;
  collectionPeriodStart: string | null;
  collectionPeriodEnd: string | null;
  retention: string | null;
  createdAt: string;
  updatedAt: string;
  versions: DatasetVersionView[];
}

export type JobView = Serialized<QueueJobView>;

export interface AuditLogEntryView {
  seq: string;
  createdAt: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  digest: string;
  prevHash: string;
  hash: string;
  details: unknown;
}

export interface AuditLogVerificationView {
  ok: boolean;
  entriesChecked: number;
  firstBroken?: { seq: string; reason: string };
  anchor: { seq: string; hash: string; signedAt: string; signature: string; signatureValid: boolean } | null;
  missingEntries: { afterSeq: string; throughSeq: string } | null;
}

export type ApiTokenView = Serialized<ApiTokenSummary>;

export type UserView = Serialized<UserWithRoles>;
