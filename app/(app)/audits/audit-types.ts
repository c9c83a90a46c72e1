// The audits API's JSON shapes as the pages see them (dates as ISO strings). Results follow
// lib/audit/run/results.ts; the report reads them by kind.
import type { AuditCostEstimate, AuditResults, MembershipAuditResults } from "@/lib/audit";

export type { AuditCostEstimate, AuditResults, MembershipAuditResults };

export interface AuditJson {
  id: string;
  kind: AuditKindName;
  status: "queued" | "active" | "completed" | "failed" | "cancelled";
  config: Record<string, unknown>;
  results: AuditResults | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: { id: string; label: string };
  model: { name: string; version: number; modelVersionId: string; claimedEpsilon: number | null; delta: number | null } | null;
  datasets: { members: { name: string; version: number } | null; nonMembers: { name: string; version: number } | null };
  subject: string;
  job?: { id: string; status: string; progress: number; progressMessage: string; error: string | null } | null;
}

export type AuditKindName = "membership_inference" | "lira" | "one_run_epsilon" | "attribute_inference" | "model_inversion" | "model_extraction" | "canary_exposure" | "scores_only";

export const AUDIT_KIND_LABELS: Record<AuditKindName, string> = {
  membership_inference: "Membership inference",
  lira: "LiRA (shadow models)",
  one_run_epsilon: "One-run ε audit",
  attribute_inference: "Attribute inference",
  model_inversion: "Model inversion",
  model_extraction: "Model extraction",
  canary_exposure: "Canary exposure",
  scores_only: "Scores file",
};

/** "0.123" with at most `digits` significant digits; "—" for null. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return String(Number(value.toPrecision(digits)));
}

/** A rate as a percentage, e.g. 0.0042 → "0.42%". */
export function pct(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${Number((value * 100).toPrecision(digits))}%`;
}

/**
 * The verdict to show: results stored before certified bounds existed could say `violated` from the
 * exploratory bound of an attack on the fixed training set; only the one-run audit (members chosen at
 * random) can refute a claim, so those read as `evidence_only`.
 */
export function membershipVerdict(results: MembershipAuditResults): MembershipAuditResults["verdict"] {
  return results.verdict === "violated" && results.kind !== "one_run_epsilon" ? "evidence_only" : results.verdict;
}
