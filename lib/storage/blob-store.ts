import type { Readable } from "node:stream";

export interface PutBlobOptions {
  /** Refuse (AppError payload_too_large) as soon as more bytes than this arrive. */
  maxBytes: number;
}

export interface PutBlobResult {
  /** The content's sha256 (hex): identical content has one key and is stored once. */
  key: string;
  sha256: string;
  sizeBytes: number;
  /** False when the store already held this content. */
  created: boolean;
}

/**
 * A content-addressed store of immutable blobs, plus a few small named objects that may change. The local folder store is the only one now; an
 * S3-compatible one implements the same surface (its `blobPath` would download to a temp file).
 */
export interface BlobStore {
  putStream(stream: NodeJS.ReadableStream, options: PutBlobOptions): Promise<PutBlobResult>;
  openBlob(key: string): Readable;
  /** A local file holding the blob, for readers that want a path. */
  blobPath(key: string): string;
  hasBlob(key: string): Promise<boolean>;
  /** Removes a blob; nothing happens when it is absent. Callers check no version references it. */
  deleteBlob(key: string): Promise<void>;
  /**
   * Replaces the small mutable object `name` (lower-case letters, digits, '.', '_', '-') as a whole: a
   * reader sees the old content or the new, never a mix. For state kept beside the blobs, outside the
   * database, such as the audit log's anchor.
   */
  putNamedObject(name: string, content: string): Promise<void>;
  /** The content of the named object, or undefined when there is none. */
  getNamedObject(name: string): Promise<string | undefined>;
}
