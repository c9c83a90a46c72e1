// Leakage audits of stored model versions (and of uploaded scores): starting, listing, estimating
// and reading them. Free of TensorFlow.js, so the web app imports it; the worker side (runAudit, exported by lib/audit/worker.ts,
// artifact loading, calibration) is ./runner.ts.
export { startAudit, startScoresAudit, startAuditSchema, estimateAuditSchema, scoresAuditMetaSchema, MAX_SCORES_BYTES, type StartAuditInput, type StartedAudit, type ScoresAuditMeta } from "./start-audit.ts";
export { estimateAuditCost, trainingsOf, type AuditCostEstimate, type EstimateAuditCostOptions } from "./estimate-audit-cost.ts";
export { AUDIT_CONFIG_SCHEMAS, TRAINING_KINDS, parseAuditConfig, type AuditConfig, type AuditConfigOf } from "./audit-config.ts";
export { auditResultsSchema, readMembershipEvidence, type AuditResults, type MembershipAuditResults, type MembershipEvidence } from "./results.ts";
export { listAudits, getAudit, listAuditsQuerySchema, type AuditPage, type ListAuditsQuery } from "./list-audits.ts";
export { cancelAuditSubject } from "./cancel-audit-subject.ts";
export { scoresFileSchema, type ScoresFile } from "./scores-file.ts";
export { modelVersionIdOf } from "./model-version-id-of.ts";
export type { AuditView } from "./audit-view.ts";
export { seedDemoAudits } from "./seed-demo-audits.ts";
