import type { Db } from "../db/index.ts";
import { loadLineageGraph } from "./load-lineage-graph.ts";
import { lineageNeighbourhood } from "./lineage-neighbourhood.ts";

export interface LineageViewNode {
  versionId: string;
  datasetName: string;
  version: number;
  licenseExpression: string;
  /** Generations from the root: negative for ancestors, 0 for the root, positive for descendants. */
  generation: number;
}

export interface LineageView {
  rootId: string;
  nodes: LineageViewNode[];
  /** Parent → child, with the transformation recorded at upload. */
  edges: { parentId: string; childId: string; transformation: string }[];
}

/**
 * A version's lineage both ways, ready to draw: every ancestor and descendant (up to `maxDepth`
 * generations each side) with its generation, and the edges between them with their transformations.
 * @throws AppError not_found for an unknown version, unprocessable for a cycle or a dangling edge
 */
export async function loadLineageView(db: Db, versionId: string, options: { maxDepth?: number } = {}): Promise<LineageView> {
  const graph = await loadLineageGraph(db, versionId, { descendants: true });
  const { root, ancestors, descendants, edges } = lineageNeighbourhood(graph, versionId, { maxDepth: options.maxDepth ?? 6 });
  const node = (n: typeof root, sign: number): LineageViewNode => ({
    versionId: n.versionId,
    datasetName: n.datasetName,
    version: n.version,
    licenseExpression: n.licenseExpression,
    generation: sign * n.depth,
  });
  const stored = await db.lineageEdge.findMany({
    where: { OR: edges.map(({ parentId, childId }) => ({ parentVersionId: parentId, childVersionId: childId })) },
    select: { parentVersionId: true, childVersionId: true, transformation: true },
  });
  const transformationOf = new Map(stored.map((e) => [`${e.parentVersionId} ${e.childVersionId}`, e.transformation]));
  return {
    rootId: versionId,
    nodes: [node(root, 0), ...ancestors.map((n) => node(n, -1)), ...descendants.map((n) => node(n, 1))],
    edges: edges.map(({ parentId, childId }) => ({ parentId, childId, transformation: transformationOf.get(`${parentId} ${childId}`) ?? "" })),
  };
}
