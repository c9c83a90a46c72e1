import { canonicalSha256 } from "../audit-log/index.ts";
import type { EvidenceBundle } from "../policy/index.ts";

/** What a snapshot's hash covers besides the bundle: one hash per piece of evidence it was built from. */
export interface EvidenceItems {
  modelVersion: { id: string; artifactSha256: string };
  audits: { id: string; kind: string; resultsSha256: string }[];
  datasets: { id: string; role: string; sha256: string; governanceSha256: string; triageSha256: string }[];
}

export interface SnapshotContent {
  policyVersionId: string;
  policyDocumentSha256: string;
  evidence: EvidenceBundle;
  items: EvidenceItems;
}

/**
 * sha256 of the RFC 8785 canonical JSON of what a snapshot was computed from: the same policy
 * version and evidence always give the same hash, whatever the key order.
 */
export function contentHashOf(content: SnapshotContent): string {
  return canonicalSha256({ schema: "canary.snapshot-content/v1", ...content });
}

/**
 * A snapshot's own hash chains onto its predecessor's, so evidence that returns to an earlier state
 * still makes a new snapshot (and approvals of the old one stay where they were given).
 */
export function snapshotHashOf(contentSha256: string, previousSnapshotHash: string | null): string {
  return canonicalSha256({ schema: "canary.snapshot/v1", contentSha256, previousSnapshotHash });
}
