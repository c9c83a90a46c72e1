import { addToColumnStats, classifyColumns, createValueCache, maskValue, PII_ENTITIES, scanRecordMatches, type PiiEntity } from "../pii/index.ts";
import { columnStatsFromJson, columnStatsToJson, type ColumnStatsJson } from "./column-stats-json.ts";
import { PII_SEVERITY } from "./pii-severity.ts";
import { readVersionRecords, skippedLines } from "./read-version-records.ts";
import type { ScanContext, ScanSummary } from "./scan-context.ts";

/** Records per batch of findings and checkpoint. */
export const PII_BATCH_RECORDS = 1000;

interface PiiCheckpoint {
  recordsDone: number;
  columnStats: ColumnStatsJson;
  byType: Partial<Record<PiiEntity, number>>;
}

/**
 * One finding per PII span (record, field, code-point offsets, masked sample), written every
 * PII_BATCH_RECORDS records with a checkpoint holding the records done and the running column
 * statistics: a resumed run reads past the records already done without scanning them.
 */
export async function runPiiScan(context: ScanContext): Promise<ScanSummary> {
  const saved = context.checkpoint as PiiCheckpoint | null;
  const resumedFrom = saved?.recordsDone ?? 0;
  const stats = columnStatsFromJson(saved?.columnStats);
  const byType: Partial<Record<PiiEntity, number>> = { ...saved?.byType };
  // A resumed run re-reads the whole file, so it meets every malformed line again: count afresh.
  const skipped = skippedLines();
  const cache = createValueCache();
  const minScore = context.params.minScore;
  const checkpoint = (recordsDone: number): PiiCheckpoint => ({ recordsDone, columnStats: columnStatsToJson(stats), byType });

  let index = 0;
  for await (const record of readVersionRecords(context, { skipped, label: "scanned" })) {
    index++;
    if (index <= resumedFrom) continue;
    const matches = scanRecordMatches(record, { minScore, cache });
    addToColumnStats(stats, record, matches);
    for (const { finding, value } of matches) {
      byType[finding.type] = (byType[finding.type] ?? 0) + 1;
      context.writer.add({
        type: finding.type,
        severity: PII_SEVERITY[finding.type],
        location: { record: finding.record, line: record.line, field: finding.field, start: finding.start, end: finding.end, score: finding.score },
        maskedSample: maskValue(finding.type, value),
        identity: [finding.record, finding.field, finding.start, finding.end],
      });
    }
    if (index % PII_BATCH_RECORDS === 0) await context.writer.flush({ ...checkpoint(index) });
  }
  await context.writer.flush({ ...checkpoint(index) });
  const findings = PII_ENTITIES.filter((type) => byType[type]).map((type) => ({ type, count: byType[type]! }));
  return {
    records: index,
    resumedFrom,
    findings,
    findingCount: findings.reduce((sum, { count }) => sum + count, 0),
    columns: classifyColumns(stats),
    malformed: skipped,
  };
}
