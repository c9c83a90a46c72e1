import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";
import { getBlobStore, type BlobStore } from "../storage/index.ts";

// The hash chain proves that no entry was changed or removed between two others, but not that the
// chain still ends where it did, nor that it is the chain that was written: whoever can write the
// table can cut its tail or rebuild it whole. The anchor is the chain's head (sequence number and
// hash) signed with HMAC-SHA256 (RFC 2104) under a key the database never holds, kept in a named
// object beside the blobs. Verification then fails when the chain ends before the anchored entry or
// holds another hash there.

/** The signed head, as stored and as `canary audit-log verify --json` shows it. */
export interface AuditLogAnchor {
  seq: string;
  hash: string;
  signedAt: string;
  /** HMAC-SHA256 (hex) of the canonical JSON of seq, hash and signedAt. */
  signature: string;
}

export interface AuditLogAnchorOptions {
  /** Where the anchor is kept. @defaultValue the process's blob store */
  store?: BlobStore;
  /** The signing key. @defaultValue CANARY_AUDIT_ANCHOR_KEY */
  key?: string;
}

export const ANCHOR_OBJECT_NAME = "audit-log-anchor.json";

/** The key, or undefined when none is configured (then no anchor is written or checked). */
export function anchorKey(options: AuditLogAnchorOptions): string | undefined {
  const key = options.key ?? process.env.CANARY_AUDIT_ANCHOR_KEY;
  return key ? key : undefined;
}

export function signAnchor(head: { seq: string; hash: string; signedAt: string }, key: string): AuditLogAnchor {
  return { ...head, signature: anchorSignature(head, key) };
}

function anchorSignature({ seq, hash, signedAt }: { seq: string; hash: string; signedAt: string }, key: string): string {
  return createHmac("sha256", key).update(canonicalize({ seq, hash, signedAt })!).digest("hex");
}

/** The stored anchor: absent, or parsed with whether its signature holds under `key`. */
export async function readAnchor(options: AuditLogAnchorOptions, key: string): Promise<{ anchor: AuditLogAnchor; signatureValid: boolean } | undefined> {
  const text = await (options.store ?? getBlobStore()).getNamedObject(ANCHOR_OBJECT_NAME);
  if (text === undefined) return undefined;
  let parsed: Partial<AuditLogAnchor>;
  try {
    parsed = JSON.parse(text) as Partial<AuditLogAnchor>;
  } catch {
    parsed = {};
  }
  const anchor: AuditLogAnchor = {
    seq: String(parsed.seq ?? ""),
    hash: String(parsed.hash ?? ""),
    signedAt: String(parsed.signedAt ?? ""),
    signature: String(parsed.signature ?? ""),
  };
  const expected = Buffer.from(anchorSignature(anchor, key), "hex");
  const given = Buffer.from(anchor.signature, "hex");
  const signatureValid = /^\d+$/.test(anchor.seq) && given.length === expected.length && timingSafeEqual(given, expected);
  return { anchor, signatureValid };
}

export async function storeAnchor(anchor: AuditLogAnchor, options: AuditLogAnchorOptions): Promise<void> {
  await (options.store ?? getBlobStore()).putNamedObject(ANCHOR_OBJECT_NAME, `${JSON.stringify(anchor)}\n`);
}
