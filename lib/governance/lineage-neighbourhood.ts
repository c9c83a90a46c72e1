import { walkLineage, type LineageGraph, type LineageNode } from "./lineage-graph.ts";

export interface LineageNeighbourhood {
  root: LineageNode;
  /** Nearest first; depth 1 = parents. */
  ancestors: LineageNode[];
  /** Nearest first; depth 1 = children. */
  descendants: LineageNode[];
  /** Every edge between the versions listed, parent → child, for drawing. */
  edges: { parentId: string; childId: string }[];
}

/**
 * A version's ancestors and descendants with their depth, for drawing the lineage both ways. The graph
 * must hold the descendants too (loadLineageGraph with `descendants: true`); `maxDepth` bounds each side.
 *
 * @throws AppError "not_found" for an unknown version, "unprocessable" for a cycle or a dangling edge
 */
export function lineageNeighbourhood(graph: LineageGraph, versionId: string, options: { maxDepth?: number } = {}): LineageNeighbourhood {
  const [root, ...ancestors] = walkLineage(graph, versionId, "ancestors", options.maxDepth);
  const [, ...descendants] = walkLineage(graph, versionId, "descendants", options.maxDepth);
  const shown = new Set([versionId, ...ancestors.map((n) => n.versionId), ...descendants.map((n) => n.versionId)]);
  const edges: LineageNeighbourhood["edges"] = [];
  for (const [childId, parents] of graph.parents) {
    if (!shown.has(childId)) continue;
    for (const parentId of parents) if (shown.has(parentId)) edges.push({ parentId, childId });
  }
  return { root, ancestors, descendants, edges };
}
