export { appendAuditLog, type AppendAuditLogOptions, type AuditActor } from "./append-audit-log.ts";
export { verifyAuditLog, type AuditLogVerification } from "./verify-audit-log.ts";
export { canonicalSha256 } from "./hash.ts";
export { listAuditLog, listAuditLogQuerySchema, type ListAuditLogQuery } from "./list-audit-log.ts";
