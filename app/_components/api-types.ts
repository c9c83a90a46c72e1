// The JSON shapes of /api/v1 as the browser receives them: lib/'s types through Serialized (dates as
// ISO strings, BigInt as decimal strings). Pages that render server-side pass theirs through toSerialized.
import type { Serialized } from "@/lib/api";
import type { AuditLogVerification } from "@/lib/audit-log";
import type { ApiTokenSummary } from "@/lib/auth";
import type { DatasetDetail as LibDatasetDetail, DatasetSummary, DatasetVersionView as LibDatasetVersionView } from "@/lib/datasets";
import type { JobView as QueueJobView } from "@/lib/queue";
import type { UserWithRoles } from "@/lib/users";

export type DatasetListItem = Serialized<DatasetSummary>;

export type DatasetVersionView = Serialized<LibDatasetVersionView>;

export type DatasetDetail = Serialized<LibDatasetDetail>;

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

export type AuditLogVerificationView = Serialized<AuditLogVerification>;

export type ApiTokenView = Serialized<ApiTokenSummary>;

export type UserView = Serialized<UserWithRoles>;
