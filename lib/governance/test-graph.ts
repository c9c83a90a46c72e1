// Test support: a LineageGraph from rows, ids = "name@version".
import type { LineageGraph } from "./lineage-graph.ts";

export interface TestVersionRow {
  id: string;
  license: string;
  parents?: string[];
}

export function graphOf(rows: TestVersionRow[]): LineageGraph {
  const graph: LineageGraph = { versions: new Map(), parents: new Map() };
  for (const row of rows) {
    const [datasetName, version] = row.id.split("@");
    graph.versions.set(row.id, { datasetName, version: Number(version), licenseExpression: row.license });
    graph.parents.set(row.id, row.parents ?? []);
  }
  return graph;
}
