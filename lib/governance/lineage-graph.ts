import { AppError } from "../errors/index.ts";

export interface LineageVersion {
  datasetName: string;
  version: number;
  licenseExpression: string;
}

/** Dataset versions and, for each, the versions it was derived from (a DAG). Built by loadLineageGraph. */
export interface LineageGraph {
  versions: Map<string, LineageVersion>;
  parents: Map<string, string[]>;
}

export interface LineageNode extends LineageVersion {
  versionId: string;
  /** Edges from the start: 0 for the start itself, 1 for its parents or children, … (the shortest way). */
  depth: number;
}

/** "customers v3" */
export function versionLabel(version: LineageVersion): string {
  return `${version.datasetName} v${version.version}`;
}

/**
 * Walks from `startId` to its ancestors or descendants, breadth first, returning every version reached
 * once with its shortest depth, the start first. Refuses cycles: lineage is a DAG, and a cycle means the
 * stored edges are wrong, so no answer drawn from them can be trusted.
 *
 * @throws AppError "not_found" for an unknown start, "unprocessable" for a cycle or a dangling edge
 */
export function walkLineage(graph: LineageGraph, startId: string, direction: "ancestors" | "descendants", maxDepth = Infinity): LineageNode[] {
  const children = direction === "descendants" ? childrenOf(graph) : undefined;
  const next = (id: string): readonly string[] => (children ? children.get(id) : graph.parents.get(id)) ?? [];
  refuseCycles(graph, startId, next, direction);
  const reached = new Map<string, number>([[startId, 0]]);
  let frontier = [startId];
  for (let depth = 1; frontier.length > 0 && depth <= maxDepth; depth += 1) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const nextId of next(id)) {
        if (reached.has(nextId)) continue;
        reached.set(nextId, depth);
        following.push(nextId);
      }
    }
    frontier = following;
  }
  return [...reached].map(([versionId, depth]) => ({ versionId, depth, ...versionOf(graph, versionId) }));
}

export function versionOf(graph: LineageGraph, versionId: string): LineageVersion {
  const version = graph.versions.get(versionId);
  if (!version) throw new AppError("not_found", `dataset version ${versionId} is not in the lineage graph`, { versionId });
  return version;
}

/** Children of every version, from the parent lists. */
export function childrenOf(graph: LineageGraph): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [child, parents] of graph.parents) {
    for (const parent of parents) {
      const list = children.get(parent) ?? [];
      list.push(child);
      children.set(parent, list);
    }
  }
  return children;
}

// Iterative depth-first search with three colours: meeting a version still on the path is a cycle.
function refuseCycles(graph: LineageGraph, startId: string, next: (id: string) => readonly string[], direction: "ancestors" | "descendants"): void {
  versionOf(graph, startId);
  const done = new Set<string>();
  const onPath = new Set<string>();
  const path: string[] = [];
  const stack: { id: string; children: readonly string[]; index: number }[] = [];
  const enter = (id: string) => {
    onPath.add(id);
    path.push(id);
    stack.push({ id, children: next(id), index: 0 });
  };
  enter(startId);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.children.length) {
      stack.pop();
      path.pop();
      onPath.delete(frame.id);
      done.add(frame.id);
      continue;
    }
    const nextId = frame.children[frame.index++];
    if (!graph.versions.has(nextId)) {
      throw new AppError("unprocessable", `lineage of ${versionLabel(versionOf(graph, frame.id))} names version ${nextId}, which is not in the graph`, {
        versionId: frame.id,
        missingVersionId: nextId,
      });
    }
    if (onPath.has(nextId)) {
      // Reported the way data flows, parent → child, whichever way the walk went.
      const cycle = [...path.slice(path.indexOf(nextId)), nextId];
      if (direction === "ancestors") cycle.reverse();
      throw new AppError("unprocessable", `lineage has a cycle (${cycle.map((id) => versionLabel(versionOf(graph, id))).join(" → ")}); a version cannot derive from itself`, {
        cycle,
      });
    }
    if (!done.has(nextId)) enter(nextId);
  }
}
