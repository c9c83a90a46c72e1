import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

/** sha256 (hex) over the RFC 8785 canonical JSON of `value`, so key order never changes a hash. */
export function canonicalSha256(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("canonicalSha256: value cannot be serialised");
  return createHash("sha256").update(text).digest("hex");
}

export interface ChainedFields {
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  digest: string;
  prevHash: string;
}

/** An entry's own hash: everything it says, including the previous entry's hash. */
export function entryHash(fields: ChainedFields): string {
  const { createdAt, actorId, actorLabel, action, targetType, targetId, digest, prevHash } = fields;
  return canonicalSha256({ createdAt: createdAt.toISOString(), actorId, actorLabel, action, targetType, targetId, digest, prevHash });
}
