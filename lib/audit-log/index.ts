export { appendAuditLog, type AppendAuditLogOptions, type AuditActor } from "./append-audit-log.ts";
export { verifyAuditLog, type AuditLogVerification } from "./verify-audit-log.ts";
export { canonicalSha256 } from "./hash.ts";
export { listAuditLog, listAuditLogQuerySchema, type ListAuditLogQuery } from "./list-audit-log.ts";
export type { AuditLogAnchor, AuditLogAnchorOptions } from "./anchor.ts";
export { writeAuditLogAnchor } from "./write-audit-log-anchor.ts";
export { keepAuditLogAnchored, type KeepAuditLogAnchoredOptions } from "./keep-audit-log-anchored.ts";
