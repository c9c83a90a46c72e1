import { isAppError } from "../../errors/index.ts";
import { scanReid } from "../reid/index.ts";
import { readVersionRecords, skippedLines } from "./read-version-records.ts";
import type { ScanContext, ScanSummary } from "./scan-context.ts";

/**
 * Re-identification risk over the chosen (or suggested) quasi-identifiers: the `canary scan reid`
 * object plus generalisation suggestions. A finding when k falls below the threshold (default 5).
 * Nothing is checkpointed: equivalence classes need every record, so a killed run starts over.
 */
export async function runReidScan(context: ScanContext): Promise<ScanSummary> {
  const { params, version } = context;
  const skipped = skippedLines();
  const threshold = params.k ?? 5;
  let scan;
  try {
    scan = await scanReid(readVersionRecords(context, { skipped, label: "coded" }), {
      quasiIdentifiers: params.quasiIdentifiers,
      sensitive: params.sensitive,
      threshold,
      everyRecordHasEveryColumn: version.format === "csv",
    });
  } catch (error) {
    // A scan started without quasi-identifiers on data where none are recognised has nothing to measure.
    if (params.quasiIdentifiers === undefined && isAppError(error) && error.code === "bad_request" && error.message.startsWith("no quasi-identifiers")) {
      await context.writer.flush(null);
      return { quasiIdentifiers: [], suggested: true, k: null, note: "no quasi-identifiers recognised among the columns; choose them and re-run", malformed: skipped };
    }
    throw error;
  }
  if (scan.records > 0 && scan.k < threshold) {
    const columns = scan.quasiIdentifiers.map(({ column }) => column);
    context.writer.add({
      type: "REIDENTIFICATION_RISK",
      severity: scan.k === 1 ? "high" : "medium",
      location: { quasiIdentifiers: columns, k: scan.k, threshold, recordsAtRisk: scan.recordsAtRisk },
      identity: [...columns].sort(),
    });
  }
  await context.writer.flush(null);
  return {
    records: scan.records,
    classes: scan.classes,
    k: scan.k,
    recordsAtRisk: scan.recordsAtRisk,
    prosecutorMaxRisk: scan.prosecutorMaxRisk,
    prosecutorAvgRisk: scan.prosecutorAvgRisk,
    lDiversity: scan.lDiversity,
    threshold: scan.threshold,
    sensitive: params.sensitive ?? null,
    quasiIdentifiers: scan.quasiIdentifiers,
    suggested: scan.suggested,
    generalisations: scan.generalisations,
    malformed: skipped,
  };
}
