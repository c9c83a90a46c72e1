import { parseDocument } from "./parse-document.ts";
import { evidenceBundleSchema, type EvidenceBundle } from "./schemas.ts";

/**
 * A parsed JSON value as an evidence bundle, or AppError("unprocessable", "<jsonPath>: <message>",
 * { path }) naming the first problem, e.g. `$.datasets[0].role: Invalid option: …`.
 */
export function validateEvidence(json: unknown): EvidenceBundle {
  return parseDocument(evidenceBundleSchema, json, "evidence bundle");
}
