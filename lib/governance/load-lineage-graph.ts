import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import type { LineageGraph } from "./lineage-graph.ts";

export interface LoadLineageGraphOptions {
  /** Also load every descendant (for lineageNeighbourhood); the license checks need only ancestors. */
  descendants?: boolean;
}

/**
 * Builds the LineageGraph around one dataset version from DatasetVersion, LineageEdge and
 * Dataset.licenseExpression: the version and all its ancestors (and descendants if asked), found with one
 * recursive query per direction. UNION (not UNION ALL) stops the recursion even if stored edges form a
 * cycle, so the pure functions get the chance to refuse it with a clear message.
 *
 * @throws AppError "not_found" if the version does not exist
 */
export async function loadLineageGraph(db: Db | Tx, versionId: string, options: LoadLineageGraphOptions = {}): Promise<LineageGraph> {
  const ancestorRows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE ancestor(id) AS (
      SELECT ${versionId}::text
      UNION
      SELECT e."parentVersionId" FROM "LineageEdge" e JOIN ancestor a ON e."childVersionId" = a.id
    )
    SELECT id FROM ancestor`;
  const ids = new Set(ancestorRows.map((row) => row.id));
  if (options.descendants) {
    const descendantRows = await db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE descendant(id) AS (
        SELECT ${versionId}::text
        UNION
        SELECT e."childVersionId" FROM "LineageEdge" e JOIN descendant d ON e."parentVersionId" = d.id
      )
      SELECT id FROM descendant`;
    for (const row of descendantRows) ids.add(row.id);
  }

  const [versions, edges] = await Promise.all([
    db.datasetVersion.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, version: true, dataset: { select: { name: true, licenseExpression: true } } },
    }),
    db.lineageEdge.findMany({
      where: { childVersionId: { in: [...ids] }, parentVersionId: { in: [...ids] } },
      select: { parentVersionId: true, childVersionId: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  if (!versions.some((v) => v.id === versionId)) throw new AppError("not_found", `dataset version ${versionId} does not exist`, { versionId });

  const graph: LineageGraph = { versions: new Map(), parents: new Map() };
  for (const v of versions) {
    graph.versions.set(v.id, { datasetName: v.dataset.name, version: v.version, licenseExpression: v.dataset.licenseExpression });
    graph.parents.set(v.id, []);
  }
  for (const edge of edges) graph.parents.get(edge.childVersionId)?.push(edge.parentVersionId);
  return graph;
}
