import type { Prisma } from "../db/index.ts";

/** What callers see of a finding: never a raw value, only the masked sample and where it is. */
export const FINDING_VIEW_SELECT = {
  id: true,
  scanId: true,
  datasetVersionId: true,
  type: true,
  severity: true,
  location: true,
  maskedSample: true,
  status: true,
  triageReason: true,
  triagedAt: true,
  createdAt: true,
  triagedBy: { select: { email: true } },
  scan: { select: { kind: true } },
} satisfies Prisma.FindingSelect;

export type FindingView = Prisma.FindingGetPayload<{ select: typeof FINDING_VIEW_SELECT }>;

/** Severities from the worst down; the order pages and sorting use. */
export const SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"] as const;
