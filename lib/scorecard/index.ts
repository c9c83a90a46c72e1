// Scorecards: a model version's evidence graded by the current policy version, kept as immutable
// snapshots; sign-off bound to a snapshot's hash; exports. The adapters to the governance and audit
// areas (load-governance-summary.ts, read-membership-figures.ts) stay internal.
//
// Hook for other areas: after new evidence lands (an audit completes, a finding is triaged, a scan
// finishes), call `await enqueueRegrade(db, { auditId }, "audit completed")` (lib/queue) after the
// transaction commits; workers/regrade.ts runs refreshScorecards, which writes a snapshot only when
// the evidence changed.
export { decideScorecard, type DecideScorecardOptions } from "./decide-scorecard.ts";
export { exportScorecard, SCORECARD_EXPORT_SCHEMA, type ScorecardExport } from "./export-scorecard.ts";
export { findModelVersion } from "./find-model-version.ts";
export { FRAMEWORK_MAPPING, type FrameworkRefs } from "./framework-mapping.ts";
export { gatherEvidence, MEMBERSHIP_AUDIT_KINDS, type GatheredEvidence } from "./gather-evidence.ts";
export { getScorecard, type ScorecardCriterion, type ScorecardDetail, type ScorecardVersionRow } from "./get-scorecard.ts";
export { listScorecards, type ScorecardListItem } from "./list-scorecards.ts";
export { getCurrentPolicy, ORG_POLICY_KEY, type CurrentPolicy } from "./policy-store.ts";
export { listPolicyVersions } from "./list-policy-versions.ts";
export { recomputeScorecard, type RecomputeResult } from "./recompute-scorecard.ts";
export { refreshScorecards, type EvidenceSource } from "./refresh-scorecards.ts";
export { renderPrintBody, renderPrintHtml, PRINT_STYLE } from "./render-print-html.ts";
export { renderScorecardPdf } from "./render-scorecard-pdf.ts";
export { ensureDefaultPolicy, savePolicyVersion, type SavePolicyVersionInput, type SavedPolicyVersion } from "./save-policy-version.ts";
export {
  decideScorecardSchema,
  exportQuerySchema,
  listScorecardsQuerySchema,
  recomputeScorecardSchema,
  savePolicySchema,
  SIGN_OFF_FILTERS,
  type DecideScorecardInput,
  type ListScorecardsQuery,
} from "./schemas.ts";
export { effectiveDecisionOf, loadSignOff, loadSignOffs, promotionBlocker, type SignOffStatus, type VersionSignOff } from "./sign-off.ts";
export { contentHashOf, snapshotHashOf, type EvidenceItems } from "./snapshot-hash.ts";
