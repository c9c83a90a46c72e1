import { ADVISORY_LOCK_KEYS, type Tx } from "../db/index.ts";
import { canonicalSha256, entryHash, GENESIS_HASH } from "./hash.ts";

export interface AuditActor {
  id: string | null;
  /** Who, readable without a join: an email, `token:<name>` or `system:<worker>`. */
  label: string;
}

export interface AppendAuditLogOptions {
  actor: AuditActor;
  /** Dotted verb, e.g. `dataset.register`, `dataset_version.upload`, `auth.sign_in`. */
  action: string;
  targetType: string;
  targetId: string;
  /** What changed. Never secrets or raw PII: this is stored and shown. */
  details?: Record<string, unknown>;
}

/** Notified by every append; Postgres delivers it only when the appending transaction commits. */
export const AUDIT_LOG_APPENDED_CHANNEL = "audit_log_appended";

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction, so the entry
 * exists exactly when the change it records does. The advisory lock serialises writers: two
 * concurrent transactions can never both chain onto the same previous entry.
 */
export async function appendAuditLog(tx: Tx, options: AppendAuditLogOptions) {
  // Postgres delivers the notification only if the transaction commits: keepAuditLogAnchored then re-signs the head.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEYS.auditLog}), pg_notify(${AUDIT_LOG_APPENDED_CHANNEL}, '')`;
  const last = await tx.auditLogEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const details = options.details ?? {};
  const fields = {
    createdAt: new Date(),
    actorId: options.actor.id,
    actorLabel: options.actor.label,
    action: options.action,
    targetType: options.targetType,
    targetId: options.targetId,
    digest: canonicalSha256(details),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  return tx.auditLogEntry.create({ data: { ...fields, details: details as object, hash: entryHash(fields) } });
}
