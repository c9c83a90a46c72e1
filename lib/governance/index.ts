export {
  parseLicenseExpression,
  isLicenseLeaf,
  type LicenseNode,
  type LicenseLeaf,
  type LicenseConjunction,
} from "./parse-license-expression.ts";
export {
  LICENSE_RULES,
  LICENSE_ALIASES,
  OBLIGATIONS,
  licenseRuleFor,
  type LicenseRule,
  type Obligation,
  type UsePermission,
} from "./license-rules.ts";
export { checkLicenseForUse, type LicenseCheck, type LicenseVerdict } from "./check-license-for-use.ts";
export { isApprovedBy } from "./is-approved-by.ts";
export { versionLabel, type LineageGraph, type LineageVersion, type LineageNode } from "./lineage-graph.ts";
export { effectiveLicenseConstraints, type EffectiveLicenseConstraints } from "./effective-license-constraints.ts";
export { checkLineageForUse, type LineageLicenseCheck, type VersionLicenseCheck } from "./check-lineage-for-use.ts";
export { lineageNeighbourhood, type LineageNeighbourhood } from "./lineage-neighbourhood.ts";
export { loadLineageGraph, type LoadLineageGraphOptions } from "./load-lineage-graph.ts";
export {
  provenanceCompleteness,
  PROVENANCE_WEIGHTS,
  type ProvenanceCompleteness,
  type ProvenanceField,
  type ProvenanceFields,
} from "./provenance-completeness.ts";
export { loadLineageView, type LineageView, type LineageViewNode } from "./load-lineage-view.ts";
export { licenseVerdictsByUse, type UseVerdict } from "./license-verdicts-by-use.ts";
export { lineageQuerySchema, type LineageQuery } from "./schemas.ts";
