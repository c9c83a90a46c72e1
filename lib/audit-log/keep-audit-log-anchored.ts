import pg from "pg";
import type { Db } from "../db/index.ts";
import type { AuditLogAnchorOptions } from "./anchor.ts";
import { AUDIT_LOG_APPENDED_CHANNEL } from "./append-audit-log.ts";
import { writeAuditLogAnchor } from "./write-audit-log-anchor.ts";

export interface KeepAuditLogAnchoredOptions extends AuditLogAnchorOptions {
  /** The database to listen on. @defaultValue DATABASE_URL */
  databaseUrl?: string;
  /** Re-signs this often too, for notifications missed while the listener was down. @defaultValue 60000 */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Keeps the anchor on the chain's head: rewrites it after every committed append and every `intervalMs`,
 * one write at a time. Run by the worker process. Returns a function that stops listening.
 */
export async function keepAuditLogAnchored(db: Db, options: KeepAuditLogAnchoredOptions = {}): Promise<() => Promise<void>> {
  const onError = options.onError ?? (() => {});
  let writing: Promise<void> = Promise.resolve();
  let queued = false;
  const refresh = () => {
    // Appends that arrive while a write waits are covered by it: it reads the head when it runs.
    if (queued) return;
    queued = true;
    writing = writing.then(async () => {
      queued = false;
      await writeAuditLogAnchor(db, options).catch(onError);
    });
  };
  const listener = new pg.Client({ connectionString: options.databaseUrl ?? process.env.DATABASE_URL });
  listener.on("error", onError);
  listener.on("notification", refresh);
  await listener.connect();
  await listener.query(`LISTEN ${AUDIT_LOG_APPENDED_CHANNEL}`);
  const timer = setInterval(refresh, options.intervalMs ?? 60_000);
  timer.unref();
  refresh();
  return async () => {
    clearInterval(timer);
    await listener.end();
    await writing;
  };
}
