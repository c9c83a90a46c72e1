import { IntendedUse, type Db } from "../db/index.ts";
import { checkLineageForUse, type LineageLicenseCheck } from "./check-lineage-for-use.ts";
import { loadLineageGraph } from "./load-lineage-graph.ts";

export interface UseVerdict extends Pick<LineageLicenseCheck, "verdict" | "obligations" | "reasons"> {
  use: IntendedUse;
}

/** The license verdict of a version for every intended use, each inherited through its whole lineage. */
export async function licenseVerdictsByUse(db: Db, versionId: string): Promise<UseVerdict[]> {
  const graph = await loadLineageGraph(db, versionId);
  return Object.values(IntendedUse).map((use) => {
    const { verdict, obligations, reasons } = checkLineageForUse(versionId, graph, use);
    return { use, verdict, obligations, reasons };
  });
}
