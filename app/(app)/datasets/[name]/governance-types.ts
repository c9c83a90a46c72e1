// JSON shapes of the governance API as client components receive them (dates as ISO strings).
import type { Serialized } from "@/lib/api";
import type { FindingStatus, ScanKind, Severity } from "@/lib/db";
import type { FindingView, GovernanceSummary } from "@/lib/findings";
import type { LineageView, UseVerdict } from "@/lib/governance";

export interface ScanJson {
  id: string;
  kind: ScanKind;
  status: string;
  params: Record<string, unknown>;
  summary: Record<string, unknown> | null;
  error: string | null;
  findingCount: number;
  job: { id: string; status: string; progress: number; progressMessage: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Each scan kind writes its finding's location as a JSON object (read by describeLocation). */
export type FindingJson = Omit<Serialized<FindingView>, "location"> & { location: Record<string, unknown> };

export type GovernanceJson = Serialized<GovernanceSummary>;

export type UseVerdictJson = Serialized<UseVerdict>;

export type LineageJson = Serialized<LineageView>;

/** What the signed-in user may do with this version's governance. */
export interface GovernanceAbilities {
  runScans: boolean;
  cancelJobs: boolean;
  triage: boolean;
  unmask: boolean;
}

export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: "Open",
  confirmed: "Confirmed",
  false_positive: "False positive",
  accepted_risk: "Accepted risk",
  remediated: "Remediated",
};
export const SCAN_KIND_LABELS: Record<ScanKind, string> = {
  pii: "Personal data",
  duplicates: "Duplicates",
  overlap: "Train/test overlap",
  reid: "Re-identification",
  license: "License",
};

export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "—";
  return `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 2 : 1)}%`;
}

/** Finding types for the filter: Presidio entities, then the other scans' types. */
export const FINDING_TYPES = [
  "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "URL", "LOCATION", "DATE_TIME", "UK_NHS",
  "EXACT_DUPLICATE", "NEAR_DUPLICATE", "CONTAMINATION", "REIDENTIFICATION_RISK", "LICENSE_CONFLICT", "LICENSE_UNKNOWN",
] as const;

/** Where a finding is, in words: "record 12 · email [0–17)", "records 3, 9", … */
export function describeLocation(location: Record<string, unknown>): string {
  if (typeof location.record === "string" && typeof location.field === "string") {
    return `record ${location.record} · ${location.field} [${String(location.start)}–${String(location.end)})`;
  }
  if (Array.isArray(location.records)) return `${String(location.size)} records: ${location.records.slice(0, 6).join(", ")}${location.records.length > 6 ? ", …" : ""}`;
  if (typeof location.otherRecord === "string") return `record ${String(location.record)} ≈ record ${location.otherRecord} of the other version`;
  if (Array.isArray(location.quasiIdentifiers)) return `${location.quasiIdentifiers.join(", ")}: k = ${String(location.k)}`;
  if (typeof location.licenseExpression === "string") return `${String(location.datasetName)} v${String(location.version)} (${location.licenseExpression}) for ${String(location.use)}`;
  return "—";
}
