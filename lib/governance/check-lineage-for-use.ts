import type { IntendedUse } from "../db/index.ts";
import { isAppError } from "../errors/index.ts";
import { checkLicenseForUse, unionObligations, type LicenseCheck, type LicenseVerdict } from "./check-license-for-use.ts";
import { effectiveLicenseConstraints } from "./effective-license-constraints.ts";
import { versionLabel, type LineageGraph, type LineageNode } from "./lineage-graph.ts";
import type { Obligation } from "./license-rules.ts";

export interface VersionLicenseCheck extends LineageNode, LicenseCheck {}

export interface LineageLicenseCheck {
  verdict: LicenseVerdict;
  /** Union over the version and all its ancestors. */
  obligations: Obligation[];
  /** One sentence per version that is not compatible (naming it), or one saying all are. */
  reasons: string[];
  /** The version itself first (depth 0), then each ancestor, nearest first. */
  versions: VersionLicenseCheck[];
}

/**
 * Checks a use against a version's license and those of all its ancestors: a conflict anywhere up the
 * lineage is a conflict for the version. An ancestor whose stored expression is not valid SPDX counts
 * as "unknown", so a bad record can hold a use up but never let it through.
 *
 * @throws AppError "not_found" for an unknown version, "unprocessable" for a cycle or a dangling edge
 * @example checkLineageForUse(grandchildId, graph, "commercial_training").verdict // "conflict" under a CC-BY-NC-4.0 grandparent
 */
export function checkLineageForUse(versionId: string, graph: LineageGraph, use: IntendedUse): LineageLicenseCheck {
  const { constraints } = effectiveLicenseConstraints(versionId, graph);
  const versions = constraints.map((node): VersionLicenseCheck => ({ ...node, ...checkVersion(node, use) }));
  const worst = versions.some((v) => v.verdict === "conflict") ? "conflict" : versions.some((v) => v.verdict === "unknown") ? "unknown" : "compatible";
  const reasons =
    worst === "compatible"
      ? [`${versionLabel(versions[0])} and its ${versions.length - 1} ancestor(s) all allow ${use}`]
      : versions
          .filter((v) => v.verdict !== "compatible")
          .map((v) => `${v.depth === 0 ? "this version" : `ancestor ${describeDepth(v.depth)}`}, ${versionLabel(v)} (${v.licenseExpression}), ${v.verdict === "conflict" ? "conflicts with" : "is unclear for"} ${use}: ${v.reasons.join("; ")}`);
  return { verdict: worst, obligations: unionObligations(...versions.map((v) => v.obligations)), reasons, versions };
}

function checkVersion(node: LineageNode, use: IntendedUse): LicenseCheck {
  try {
    return checkLicenseForUse(node.licenseExpression, use);
  } catch (error) {
    if (!isAppError(error) || error.code !== "unprocessable") throw error;
    return { verdict: "unknown", obligations: [], reasons: [error.message], licenses: [] };
  }
}

function describeDepth(depth: number): string {
  if (depth === 1) return "(parent)";
  if (depth === 2) return "(grandparent)";
  return `(${depth} generations up)`;
}
