import type { Db, Prisma } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import type { DuplicatePairQuery } from "./schemas.ts";

interface PairsSummary {
  pairs?: { a: string; b: string }[];
  otherVersion?: { id: string };
}

/**
 * Refuses a record pair that no scan result of the version names, so that the pair route cannot be
 * walked over every record of a file. Within one version each record must be named by a finding
 * (a PII span's record, a duplicate cluster's records) or a pair of the latest duplicates scan; across
 * versions the pair itself must be a contamination finding or a listed pair of an overlap scan.
 * @throws AppError not_found, naming the record that is not named
 */
export async function assertRecordsNamed(db: Db, datasetVersionId: string, query: DuplicatePairQuery): Promise<void> {
  if (query.otherVersionId !== undefined && query.otherVersionId !== datasetVersionId) {
    if (!(await overlapPairNamed(db, datasetVersionId, query.otherVersionId, query.a, query.b))) {
      throw new AppError("not_found", `no overlap finding names the pair ${JSON.stringify(query.a)}, ${JSON.stringify(query.b)}`, { a: query.a, b: query.b });
    }
    return;
  }
  const duplicates = await db.scan.findFirst({
    where: { datasetVersionId, kind: "duplicates", status: "completed" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { summary: true },
  });
  const listed = new Set(((duplicates?.summary as PairsSummary | null)?.pairs ?? []).flatMap((pair) => [pair.a, pair.b]));
  for (const record of new Set([query.a, query.b])) {
    if (listed.has(record)) continue;
    const named = await db.finding.count({
      where: {
        datasetVersionId,
        OR: [{ location: { path: ["record"], equals: record } }, { location: { path: ["records"], array_contains: [record] } }],
      },
      take: 1,
    });
    if (named === 0) throw new AppError("not_found", `no finding or duplicate cluster names record ${JSON.stringify(record)}`, { record });
  }
}

async function overlapPairNamed(db: Db, datasetVersionId: string, otherVersionId: string, a: string, b: string): Promise<boolean> {
  const finding: Prisma.FindingWhereInput = {
    datasetVersionId,
    type: "CONTAMINATION",
    AND: [
      { location: { path: ["record"], equals: a } },
      { location: { path: ["otherVersionId"], equals: otherVersionId } },
      { location: { path: ["otherRecord"], equals: b } },
    ],
  };
  if ((await db.finding.count({ where: finding, take: 1 })) > 0) return true;
  const scans = await db.scan.findMany({ where: { datasetVersionId, kind: "overlap", status: "completed" }, select: { summary: true } });
  return scans.some((scan) => {
    const summary = scan.summary as PairsSummary | null;
    return summary?.otherVersion?.id === otherVersionId && (summary.pairs ?? []).some((pair) => pair.a === a && pair.b === b);
  });
}
