import type { Db, Prisma } from "../../db/index.ts";
import { AppError } from "../../errors/index.ts";

/** A scan as callers see it, with its latest job (for live progress and cancelling). */
export const SCAN_VIEW_SELECT = {
  id: true,
  datasetVersionId: true,
  kind: true,
  status: true,
  params: true,
  summary: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} satisfies Prisma.ScanSelect;

type ScanRow = Prisma.ScanGetPayload<{ select: typeof SCAN_VIEW_SELECT }>;

export interface ScanView extends Omit<ScanRow, "summary"> {
  /** The result; null until the scan completes (a checkpoint in progress is not shown). */
  summary: unknown;
  findingCount: number;
  job: { id: string; status: string; progress: number; progressMessage: string } | null;
}

/** A version's scans, newest first. */
export async function listScans(db: Db, datasetVersionId: string): Promise<ScanView[]> {
  const scans = await db.scan.findMany({ where: { datasetVersionId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: SCAN_VIEW_SELECT });
  return withJobs(db, scans);
}

/** @throws AppError not_found */
export async function getScan(db: Db, scanId: string): Promise<ScanView> {
  const scan = await db.scan.findUnique({ where: { id: scanId }, select: SCAN_VIEW_SELECT });
  if (!scan) throw new AppError("not_found", "no such scan", { id: scanId });
  return (await withJobs(db, [scan]))[0]!;
}

async function withJobs(db: Db, scans: ScanRow[]): Promise<ScanView[]> {
  const ids = scans.map((scan) => scan.id);
  const [jobs, counts] = await Promise.all([
    db.job.findMany({
      where: { subjectType: "scan", subjectId: { in: ids } },
      orderBy: { createdAt: "desc" },
      select: { id: true, subjectId: true, status: true, progress: true, progressMessage: true },
    }),
    db.finding.groupBy({ by: ["scanId"], where: { scanId: { in: ids } }, _count: { _all: true } }),
  ]);
  return scans.map((scan) => {
    const job = jobs.find((j) => j.subjectId === scan.id);
    return {
      ...scan,
      summary: scan.status === "completed" ? scan.summary : null,
      findingCount: counts.find((c) => c.scanId === scan.id)?._count._all ?? 0,
      job: job ? { id: job.id, status: job.status, progress: job.progress, progressMessage: job.progressMessage } : null,
    };
  });
}
