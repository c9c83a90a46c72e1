import { walkLineage, type LineageGraph, type LineageNode } from "./lineage-graph.ts";

export interface EffectiveLicenseConstraints {
  versionId: string;
  /** The version itself (depth 0) and every ancestor, nearest first: each one's license binds the version. */
  constraints: LineageNode[];
  /** All distinct license expressions joined with AND, e.g. `(CC-BY-4.0) AND (CC-BY-NC-4.0)`. */
  expression: string;
}

/**
 * The licenses a dataset version carries: its own and those of all its ancestors, since data derived from
 * licensed data stays bound by that license (CC 4.0 s1(a) Adapted Material, ODbL s4.4, GPL s5).
 *
 * @throws AppError "not_found" for an unknown version, "unprocessable" for a cycle or a dangling edge
 * Runs in O(V + E) over the ancestors.
 */
export function effectiveLicenseConstraints(versionId: string, graph: LineageGraph): EffectiveLicenseConstraints {
  const constraints = walkLineage(graph, versionId, "ancestors");
  const expressions = [...new Set(constraints.map((node) => node.licenseExpression.trim()))];
  return {
    versionId,
    constraints,
    expression: expressions.length === 1 ? expressions[0] : expressions.map((expression) => `(${expression})`).join(" AND "),
  };
}
