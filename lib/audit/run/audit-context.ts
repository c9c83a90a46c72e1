import type { AuditKind, Db } from "../../db/index.ts";
import type { AuditConfigOf } from "./audit-config.ts";
import type { LoadAuditTarget } from "./audit-target.ts";

/** Everything a kind's runner gets: the row's facts, its parsed config, progress, cancellation, its checkpoint. */
export interface AuditContext<K extends AuditKind = AuditKind> {
  db: Db;
  auditId: string;
  kind: K;
  config: AuditConfigOf<K>;
  modelVersion: {
    id: string;
    epsilon: number | null;
    trainDatasetVersionId: string | null;
    evalDatasetVersionId: string | null;
  } | null;
  loadTarget: LoadAuditTarget;
  /** Percent in [0, 99] and a message ("shadow model 3 of 16"). */
  progress: (percent: number, message: string) => Promise<void>;
  /** Throws when the audit was cancelled; call between units of work. */
  checkStopped: () => void;
  shouldStop: () => boolean;
  /** The checkpoint saved by an earlier attempt of this audit (null on a fresh start). */
  checkpoint: Record<string, unknown> | null;
  saveCheckpoint: (checkpoint: Record<string, unknown>) => Promise<void>;
}
