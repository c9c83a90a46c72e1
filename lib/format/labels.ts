// Human labels for the domain's enums, shared by tables, filters and forms. Keys are the enum
// values stored in the database; `satisfies Record<…>` makes a new enum value a type error here.
import type { ConsentBasis, IntendedUse, Role } from "../db/index.ts";

/** GDPR art. 6(1) lawful bases, plus "publicly available data" and "unknown" for legacy sets. */
export const CONSENT_BASIS_LABELS = {
  consent: "Consent",
  contract: "Contract",
  legal_obligation: "Legal obligation",
  vital_interest: "Vital interests",
  public_task: "Public task",
  legitimate_interest: "Legitimate interests",
  public_data: "Publicly available data",
  unknown: "Unknown",
} as const satisfies Record<ConsentBasis, string>;

export const INTENDED_USE_LABELS = {
  commercial_training: "Commercial model training",
  research_only: "Research only",
  redistribution_data: "Redistribution of the data",
  redistribution_model: "Redistribution of trained models",
  internal_evaluation: "Internal evaluation",
} as const satisfies Record<IntendedUse, string>;

export const ROLE_LABELS = {
  admin: "Admin",
  ml_engineer: "ML engineer",
  compliance_officer: "Compliance officer",
  auditor: "Auditor",
  service: "Service",
} as const satisfies Record<Role, string>;

/** The label for a known value, else the raw value with underscores as spaces (never blank). */
export function labelOf(labels: Readonly<Record<string, string>>, value: string | null | undefined): string {
  if (!value) return "—";
  return Object.hasOwn(labels, value) ? labels[value]! : value.replaceAll("_", " ");
}
