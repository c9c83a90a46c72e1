// Scans, findings, lineage and governance summaries (issue 4): operations and their response shapes.
import { z } from "zod";
import { FindingStatus, RunStatus, ScanKind, Severity } from "../../db/index.ts";
import { duplicatePairQuerySchema, listFindingsQuerySchema, triageFindingSchema } from "../../findings/index.ts";
import { lineageQuerySchema } from "../../governance/index.ts";
import { scanParamsSchema, startScanSchema } from "../../scan/index.ts";
import { json, type Operation } from "./operation.ts";
import { jobSchema, paginated } from "./schemas.ts";

const timestamp = z.iso.datetime();
const versionParams = z.object({ name: z.string().describe("Dataset name"), version: z.coerce.number().int().min(1) });
const idParam = z.object({ id: z.string() });

export const scanSchema = z
  .object({
    id: z.string(),
    datasetVersionId: z.string(),
    kind: z.enum(ScanKind),
    status: z.enum(RunStatus),
    params: scanParamsSchema,
    summary: z.record(z.string(), z.unknown()).nullable().describe("The result once completed (counts, masked samples, rates; never raw values)"),
    error: z.string().nullable(),
    findingCount: z.number().int(),
    job: z.object({ id: z.string(), status: z.enum(RunStatus), progress: z.number().int(), progressMessage: z.string() }).nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
  })
  .meta({ id: "Scan" });

export const findingSchema = z
  .object({
    id: z.string(),
    scanId: z.string(),
    datasetVersionId: z.string(),
    type: z.string().describe("A Presidio entity (EMAIL_ADDRESS, …), EXACT_DUPLICATE, NEAR_DUPLICATE, CONTAMINATION, REIDENTIFICATION_RISK, LICENSE_CONFLICT or LICENSE_UNKNOWN"),
    severity: z.enum(Severity),
    location: z.record(z.string(), z.unknown()).describe("Where: record id, field, code-point offsets; never the value"),
    maskedSample: z.string().nullable(),
    status: z.enum(FindingStatus),
    triageReason: z.string().nullable(),
    triagedAt: timestamp.nullable(),
    triagedBy: z.object({ email: z.string() }).nullable(),
    scan: z.object({ kind: z.enum(ScanKind) }),
    createdAt: timestamp,
  })
  .meta({ id: "Finding" });

export const governanceSummarySchema = z
  .object({
    datasetVersionId: z.string(),
    datasetName: z.string(),
    version: z.number().int(),
    openFindings: z.object({ info: z.number().int(), low: z.number().int(), medium: z.number().int(), high: z.number().int(), critical: z.number().int() }),
    license: z.object({ verdict: z.enum(["compatible", "conflict", "unknown"]), reasons: z.array(z.string()) }),
    duplicateRate: z.number().nullable(),
    contaminationRate: z.number().nullable(),
    kAnonymity: z.number().int().nullable(),
    provenanceCompleteness: z.number().min(0).max(1),
    scans: z.array(z.object({ id: z.string(), kind: z.enum(ScanKind), status: z.enum(RunStatus), finishedAt: timestamp.nullable() })),
  })
  .meta({ id: "GovernanceSummary" });

const lineageViewSchema = z
  .object({
    rootId: z.string(),
    nodes: z.array(z.object({ versionId: z.string(), datasetName: z.string(), version: z.number().int(), licenseExpression: z.string(), generation: z.number().int() })),
    edges: z.array(z.object({ parentId: z.string(), childId: z.string(), transformation: z.string() })),
  })
  .meta({ id: "LineageView" });

const recordForDiff = z.object({ id: z.string(), line: z.number().int(), fields: z.record(z.string(), z.string()) });
const recordPairSchema = z.object({ a: recordForDiff, b: recordForDiff, masked: z.boolean() }).meta({ id: "RecordPair" });

export const GOVERNANCE_OPERATIONS: Operation[] = [
  { method: "GET", route: "/api/v1/datasets/[name]/versions/[version]/scans", operationId: "listScans", summary: "A version's scans, newest first", tag: "scans", params: versionParams, success: { status: 200, description: "The scans with their jobs", schema: z.object({ items: z.array(scanSchema) }) }, errors: [404] },
  { method: "POST", route: "/api/v1/datasets/[name]/versions/[version]/scans", operationId: "startScan", summary: "Start a scan (pii, duplicates, overlap, reid, license)", tag: "scans", params: versionParams, body: { required: true, content: json(startScanSchema) }, success: { status: 201, description: "The queued scan and its job", schema: z.object({ scan: z.object({ id: z.string(), kind: z.enum(ScanKind), status: z.enum(RunStatus) }).loose(), job: jobSchema }) }, errors: [404] },
  { method: "GET", route: "/api/v1/datasets/[name]/versions/[version]/governance", operationId: "getGovernanceSummary", summary: "Open findings by severity, license verdict through lineage, duplicate rate, contamination, k", tag: "scans", params: versionParams, success: { status: 200, description: "The governance summary", schema: governanceSummarySchema }, errors: [404] },
  { method: "GET", route: "/api/v1/datasets/[name]/versions/[version]/record-pair", operationId: "getRecordPair", summary: "Two records a finding or duplicate pair names, side by side (masked from the stored PII scan without pii.unmasked; raw readings audit-logged)", tag: "scans", params: versionParams, query: duplicatePairQuerySchema, success: { status: 200, description: "The two records", schema: recordPairSchema }, errors: [404, 409] },
  { method: "GET", route: "/api/v1/datasets/[name]/lineage", operationId: "getLineage", summary: "A version's ancestors and descendants", tag: "datasets", params: z.object({ name: z.string() }), query: lineageQuerySchema, success: { status: 200, description: "Nodes by generation and edges with transformations", schema: lineageViewSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/scans/[id]", operationId: "getScan", summary: "One scan with its progress and summary", tag: "scans", params: idParam, success: { status: 200, description: "The scan", schema: scanSchema }, errors: [404] },
  { method: "GET", route: "/api/v1/findings", operationId: "listFindings", summary: "Findings, masked, filtered and paged", tag: "findings", query: listFindingsQuerySchema, success: { status: 200, description: "One page of findings", schema: paginated(findingSchema) } },
  { method: "PATCH", route: "/api/v1/findings/[id]", operationId: "triageFinding", summary: "Triage a finding (status and reason), audit-logged", tag: "findings", params: idParam, body: { required: true, content: json(triageFindingSchema) }, success: { status: 200, description: "The triaged finding", schema: findingSchema }, errors: [404, 409] },
  { method: "GET", route: "/api/v1/findings/[id]/value", operationId: "getFindingValue", summary: "A PII finding's value, unmasked (read from the file now, audit-logged)", tag: "findings", params: idParam, success: { status: 200, description: "The value", schema: z.object({ id: z.string(), type: z.string(), value: z.string() }) }, errors: [404] },
  { method: "POST", route: "/api/v1/jobs/[id]/cancel", operationId: "cancelJob", summary: "Cancel a queued or active job and its subject", tag: "jobs", params: idParam, success: { status: 200, description: "The cancelled job", schema: jobSchema }, errors: [404, 409] },
];

