import { appendAuditLog } from "../../audit-log/index.ts";
import type { Principal } from "../../auth/index.ts";
import type { Db, ScanKind } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";
import { enqueue, type JobView } from "../../queue/index.ts";
import { startScanSchema, type ScanParams, type StartScanInput } from "./scan-params.ts";

export interface StartedScan {
  scan: { id: string; kind: ScanKind; status: string; params: ScanParams; datasetVersionId: string; createdAt: Date };
  job: JobView;
}

/** Who starts a scan: a person (by principal) or the system after ingest. */
export type ScanStarter = Principal | { system: string; onBehalfOf: string | null };

function actorOf(starter: ScanStarter) {
  return "system" in starter ? { id: null, label: `system:${starter.system}` } : { id: starter.userId, label: starter.label };
}

/**
 * Records a queued scan of a ready dataset version with its audit entry, then (after commit) enqueues
 * the `scan` job. @throws AppError not_found for an unknown version, unprocessable for one not ready
 * or for an overlap target that is the version itself or does not exist.
 */
export async function startScan(db: Db, starter: ScanStarter, datasetVersionId: string, input: StartScanInput): Promise<StartedScan> {
  const { kind, params } = startScanSchema.parse(input);
  const version = await db.datasetVersion.findUnique({ where: { id: datasetVersionId }, select: { id: true, version: true, status: true, dataset: { select: { name: true } } } });
  if (!version) throw new AppError("not_found", "no such dataset version", { datasetVersionId });
  if (version.status !== "ready") throw new AppError("unprocessable", `${version.dataset.name} v${version.version} is not ingested yet (status ${version.status})`);
  if (params.otherVersionId !== undefined) {
    if (params.otherVersionId === datasetVersionId) throw new AppError("unprocessable", "an overlap scan compares two different versions", { field: "params.otherVersionId" });
    const other = await db.datasetVersion.findUnique({ where: { id: params.otherVersionId }, select: { status: true } });
    if (!other) throw new AppError("unprocessable", `params.otherVersionId: no dataset version with id ${JSON.stringify(params.otherVersionId)}`, { field: "params.otherVersionId" });
  }
  const scan = await db.$transaction(async (tx) => {
    const created = await tx.scan.create({
      data: { datasetVersionId, kind, params: params as object },
      select: { id: true, kind: true, status: true, params: true, datasetVersionId: true, createdAt: true },
    });
    await appendAuditLog(tx, {
      actor: actorOf(starter),
      action: "scan.start",
      targetType: "scan",
      targetId: created.id,
      details: { dataset: version.dataset.name, version: version.version, kind, params },
    });
    return { ...created, params };
  });
  const createdById = "system" in starter ? starter.onBehalfOf : starter.userId;
  const job = await enqueue(db, "scan", { scanId: scan.id }, { subjectType: "scan", subjectId: scan.id, createdById });
  return { scan, job };
}

/** The scans every new version gets: PII, duplicates, re-identification (suggested quasi-identifiers), license. */
export const DEFAULT_SCAN_KINDS = ["pii", "duplicates", "reid", "license"] as const satisfies readonly ScanKind[];

/**
 * Starts the default scans of a freshly ingested version, each kind once: a retried ingest job that
 * calls this again starts only the kinds not yet there.
 */
export async function startDefaultScans(db: Db, datasetVersionId: string): Promise<StartedScan[]> {
  const version = await db.datasetVersion.findUnique({ where: { id: datasetVersionId }, select: { uploadedById: true, scans: { select: { kind: true } } } });
  if (!version) throw new AppError("not_found", "no such dataset version", { datasetVersionId });
  const present = new Set(version.scans.map((scan) => scan.kind));
  const started: StartedScan[] = [];
  for (const kind of DEFAULT_SCAN_KINDS) {
    if (present.has(kind)) continue;
    started.push(await startScan(db, { system: "ingest", onBehalfOf: version.uploadedById }, datasetVersionId, { kind }));
  }
  return started;
}
