// lib/audit's worker-side surface: running an audit trains shadow and attack models on a TensorFlow.js
// backend that Next.js cannot bundle. The audit worker imports it; the web app never does.
export { networkClassifier } from "./attacks/index.ts";
export { auditTargetFromArtifact, markAuditFailed, runAudit, type AuditTarget, type LoadAuditTarget } from "./run/runner.ts";
