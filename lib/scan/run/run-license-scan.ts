import { checkLineageForUse, loadLineageGraph } from "../../governance/index.ts";
import type { ScanContext, ScanSummary } from "./scan-context.ts";

/**
 * License verdicts through the whole lineage: for the dataset's intended use (or `params.intendedUse`)
 * a finding per version up the lineage whose license conflicts with it or is unclear (the page shows
 * every use's verdict live, with licenseVerdictsByUse).
 */
export async function runLicenseScan(context: ScanContext): Promise<ScanSummary> {
  const graph = await loadLineageGraph(context.db, context.version.id);
  const use = context.params.intendedUse ?? context.version.intendedUse;
  const check = checkLineageForUse(context.version.id, graph, use);
  for (const node of check.versions) {
    if (node.verdict === "compatible") continue;
    context.writer.add({
      type: node.verdict === "conflict" ? "LICENSE_CONFLICT" : "LICENSE_UNKNOWN",
      severity: node.verdict === "conflict" ? "high" : "medium",
      location: { use, versionId: node.versionId, datasetName: node.datasetName, version: node.version, depth: node.depth, licenseExpression: node.licenseExpression, reasons: node.reasons },
      identity: [use, node.versionId],
    });
  }
  await context.writer.flush(null);
  return {
    intendedUse: use,
    verdict: check.verdict,
    obligations: check.obligations,
    reasons: check.reasons,
    versions: check.versions.map(({ versionId, datasetName, version, depth, licenseExpression, verdict }) => ({ versionId, datasetName, version, depth, licenseExpression, verdict })),
  };
}
