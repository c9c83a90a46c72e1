// Response shapes of /api/v1, for the OpenAPI document. Request bodies and queries are not
// repeated here: the document uses the same zod schemas the route handlers parse with.
import { z } from "zod";
import { ConsentBasis, DataFormat, IntendedUse, Role, RunStatus, VersionStatus } from "../../db/index.ts";
import { ERROR_STATUS } from "../../errors/index.ts";

const timestamp = z.iso.datetime();
const nullableTimestamp = timestamp.nullable();
/** BigInt columns travel as decimal strings. */
const bigIntString = z.string().regex(/^\d+$/);

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}).meta({ id: "Error" });

export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const datasetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  owner: z.object({ email: z.string(), name: z.string() }),
  source: z.string(),
  collectionMethod: z.string(),
  consentBasis: z.enum(ConsentBasis),
  licenseExpression: z.string(),
  intendedUse: z.enum(IntendedUse),
  collectionPeriodStart: nullableTimestamp,
  collectionPeriodEnd: nullableTimestamp,
  retention: z.string().nullable(),
  versionCount: z.number().int(),
  latestVersion: z.object({ version: z.number().int(), status: z.enum(VersionStatus) }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
}).meta({ id: "DatasetSummary" });

export const datasetVersionSchema = z.object({
  id: z.string(),
  datasetName: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  sizeBytes: bigIntString,
  format: z.enum(DataFormat),
  originalFilename: z.string(),
  rowCount: z.number().int().nullable(),
  columnSchema: z.unknown().nullable(),
  status: z.enum(VersionStatus),
  progress: z.number().int(),
  error: z.string().nullable(),
  notes: z.string(),
  createdAt: timestamp,
  ingestedAt: nullableTimestamp,
  uploadedBy: z.object({ email: z.string() }),
  parents: z.array(z.object({ id: z.string(), version: z.number().int(), datasetName: z.string(), transformation: z.string() })),
}).meta({ id: "DatasetVersion" });

export const datasetDetailSchema = datasetSummarySchema.extend({
  /** Newest first. */
  versions: z.array(datasetVersionSchema),
}).meta({ id: "Dataset" });

export const jobSchema = z.object({
  id: z.string(),
  queue: z.string(),
  name: z.string(),
  status: z.enum(RunStatus),
  progress: z.number().int().min(0).max(100),
  attempts: z.number().int(),
  progressMessage: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  error: z.string().nullable(),
  createdAt: timestamp,
  startedAt: nullableTimestamp,
  finishedAt: nullableTimestamp,
}).meta({ id: "Job" });

export const uploadResultSchema = z.object({ version: datasetVersionSchema, job: jobSchema }).meta({ id: "UploadResult" });

export const auditLogEntrySchema = z.object({
  seq: bigIntString,
  createdAt: timestamp,
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  digest: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  details: z.record(z.string(), z.unknown()),
}).meta({ id: "AuditLogEntry" });

export const auditLogVerificationSchema = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  firstBroken: z.object({ seq: bigIntString, reason: z.string() }).optional(),
  anchor: z
    .object({ seq: bigIntString, hash: z.string(), signedAt: z.string(), signature: z.string(), signatureValid: z.boolean() })
    .nullable()
    .describe("The chain's head signed with HMAC-SHA256 under a key outside the database; null without a key or before the first append"),
  missingEntries: z
    .object({ afterSeq: bigIntString, throughSeq: bigIntString })
    .nullable()
    .describe("When the chain ends before the anchored entry: the sequence numbers after its last entry through the anchored one"),
}).meta({ id: "AuditLogVerification" });

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  label: z.string(),
  roles: z.array(z.enum(Role)),
  via: z.enum(["session", "token"]),
  /** What the caller may do: the roles' permissions, narrowed by a token's scopes. */
  permissions: z.array(z.string()),
}).meta({ id: "Me" });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  scopes: z.array(z.string()),
  expiresAt: timestamp,
  lastUsedAt: nullableTimestamp,
  revokedAt: nullableTimestamp,
  createdAt: timestamp,
}).meta({ id: "ApiToken" });

export const createdApiTokenSchema = z.object({
  /** The token itself, shown only in this answer. */
  token: z.string(),
  apiToken: apiTokenSchema,
}).meta({ id: "CreatedApiToken" });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isService: z.boolean(),
  disabledAt: nullableTimestamp,
  createdAt: timestamp,
  roles: z.array(z.enum(Role)),
}).meta({ id: "User" });
