// Everything the dataset page shows about one version's governance, loaded on the server in one go
// and turned into plain JSON for client components.
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

const toJson = <T,>(value: unknown): T => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as T;

export async function loadGovernance(db: Db, versionId: string): Promise<VersionGovernance> {
  const [summary, scans, verdicts, lineage] = await Promise.all([
    getGovernanceSummary(db, versionId),
    listScans(db, versionId),
    licenseVerdictsByUse(db, versionId),
    loadLineageView(db, versionId),
  ]);
  const scansJson = toJson<ScanJson[]>(scans);
  const latest: VersionGovernance["latest"] = {};
  for (const scan of scansJson) if (scan.status === "completed" && !latest[scan.kind]) latest[scan.kind] = scan;
  return { summary: toJson(summary), scans: scansJson, verdicts: toJson(verdicts), lineage: toJson(lineage), latest };
}
