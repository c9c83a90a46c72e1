// Everything the dataset page shows about one version's governance, loaded on the server in one go
// and turned into plain JSON for client components.
import { toSerialized } from "@/lib/api";
import { getGovernanceSummary } from "@/lib/findings";
import { licenseVerdictsByUse, loadLineageView } from "@/lib/governance";
import type { Db } from "@/lib/db";
import { listScans } from "@/lib/scan";
import type { GovernanceJson, LineageJson, ScanJson, UseVerdictJson } from "./governance-types";

export interface VersionGovernance {
  summary: GovernanceJson;
  scans: ScanJson[];
  verdicts: UseVerdictJson[];
  lineage: LineageJson;
  /** The latest completed scan of each kind, for the result panels. */
  latest: Partial<Record<ScanJson["kind"], ScanJson>>;
}

export async function loadGovernance(db: Db, versionId: string): Promise<VersionGovernance> {
  const [summary, scans, verdicts, lineage] = await Promise.all([
    getGovernanceSummary(db, versionId),
    listScans(db, versionId),
    licenseVerdictsByUse(db, versionId),
    loadLineageView(db, versionId),
  ]);
  // A scan's params and summary are JSON objects its kind writes; lib/ types them as any JSON value.
  const scansJson = toSerialized(scans) as ScanJson[];
  const latest: VersionGovernance["latest"] = {};
  for (const scan of scansJson) if (scan.status === "completed" && !latest[scan.kind]) latest[scan.kind] = scan;
  return { summary: toSerialized(summary), scans: scansJson, verdicts: toSerialized(verdicts), lineage: toSerialized(lineage), latest };
}
