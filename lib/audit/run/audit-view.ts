import type { AuditKind, Prisma, RunStatus } from "../../db/index.ts";

/** What lists and the report show of an audit: its row, its model version and datasets, its latest job. */
export const AUDIT_VIEW_SELECT = {
  id: true,
  kind: true,
  status: true,
  config: true,
  results: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
  modelVersion: {
    select: {
      id: true,
      version: true,
      epsilon: true,
      delta: true,
      model: { select: { name: true } },
      trainData: { select: { id: true, version: true, dataset: { select: { name: true } } } },
      evalData: { select: { id: true, version: true, dataset: { select: { name: true } } } },
    },
  },
} as const satisfies Prisma.LeakageAuditSelect;

type Row = Prisma.LeakageAuditGetPayload<{ select: typeof AUDIT_VIEW_SELECT }>;

export interface AuditView {
  id: string;
  kind: AuditKind;
  status: RunStatus;
  config: Record<string, unknown>;
  results: unknown;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: { id: string; label: string };
  /** The audited version; null for a scores-only audit of an external model (config.subject names it). */
  model: { name: string; version: number; modelVersionId: string; claimedEpsilon: number | null; delta: number | null } | null;
  /** "name vN" links of the datasets the audit read, as dataset name and version. */
  datasets: { members: { name: string; version: number } | null; nonMembers: { name: string; version: number } | null };
  /** Who or what was audited, for lists: "model v3" or the external subject. */
  subject: string;
}

export function toAuditView(row: Row): AuditView {
  const mv = row.modelVersion;
  const config = (row.config ?? {}) as Record<string, unknown>;
  // The scores blob key is internal: not shown.
  const { scoresKey: _key, ...shownConfig } = config;
  const ds = (d: { version: number; dataset: { name: string } } | null | undefined) => (d ? { name: d.dataset.name, version: d.version } : null);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    config: shownConfig,
    results: row.results,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    createdBy: { id: row.createdBy.id, label: row.createdBy.name || row.createdBy.email },
    model: mv ? { name: mv.model.name, version: mv.version, modelVersionId: mv.id, claimedEpsilon: mv.epsilon, delta: mv.delta } : null,
    datasets: { members: ds(mv?.trainData), nonMembers: ds(mv?.evalData) },
    subject: mv ? `${mv.model.name} v${mv.version}` : typeof config.subject === "string" ? config.subject : "external model",
  };
}
