// The worker side of lib/audit/run: running an audit (TensorFlow.js, the attacks) and loading its
// target. Kept apart from index.ts so the web app never loads TensorFlow.js.
// Internal: the per-kind runners (runners/, one file per kind), data loading, the thinned ROC and figures builder.
export { runAudit, markAuditFailed, type RunAuditOptions, type RunAuditResult } from "./run-audit.ts";
export { auditTargetFromArtifact, requireTrainingSetup, type AuditTarget, type LoadAuditTarget, type ModelArtifact } from "./audit-target.ts";
export { calibrateTrainingSeconds } from "./calibrate-training-seconds.ts";
