// Findings of scans: listing, triage, unmasked values on demand, record masking for every view of
// record values, and each version's governance summary.
export { getGovernanceSummary, type GovernanceSummary } from "./get-governance-summary.ts";
export { listFindings, type FindingPage } from "./list-findings.ts";
export { triageFinding } from "./triage-finding.ts";
export { canTriageFinding } from "./can-triage-finding.ts";
export { getFindingValue } from "./get-finding-value.ts";
export { getRecordPair, type RecordForDiff } from "./get-record-pair.ts";
export { loadRecordMasking, type RecordMasking } from "./load-record-masking.ts";
export { maskRecord } from "./mask-record.ts";
export { readVersionRecord } from "./read-version-record.ts";
export { FINDING_VIEW_SELECT, SEVERITY_ORDER, type FindingView } from "./finding-view.ts";
export {
  listFindingsQuerySchema,
  triageFindingSchema,
  duplicatePairQuerySchema,
  FINDING_SORT_FIELDS,
  type ListFindingsQuery,
  type TriageFindingInput,
  type DuplicatePairQuery,
} from "./schemas.ts";
