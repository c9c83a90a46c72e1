import { resolve } from "node:path";
import type { Readable } from "node:stream";
import type { BlobStore, PutBlobOptions, PutBlobResult } from "./blob-store.ts";
import { LocalBlobStore } from "./local-blob-store.ts";

const globalForStore = globalThis as unknown as { canaryBlobStore?: { dir: string; store: BlobStore } };

/** The process's store, under CANARY_STORAGE_DIR (default `.data/blobs`). Re-reads the variable so tests can point it elsewhere. */
export function getBlobStore(): BlobStore {
  // turbopackIgnore: a path read at run time, which the bundler must not try to trace into the build.
  const dir = resolve(/*turbopackIgnore: true*/ process.env.CANARY_STORAGE_DIR ?? ".data/blobs");
  if (globalForStore.canaryBlobStore?.dir !== dir) globalForStore.canaryBlobStore = { dir, store: new LocalBlobStore(dir) };
  return globalForStore.canaryBlobStore.store;
}

export function putStream(stream: NodeJS.ReadableStream, options: PutBlobOptions): Promise<PutBlobResult> {
  return getBlobStore().putStream(stream, options);
}

export function openBlob(key: string): Readable {
  return getBlobStore().openBlob(key);
}

export function blobPath(key: string): string {
  return getBlobStore().blobPath(key);
}

export function hasBlob(key: string): Promise<boolean> {
  return getBlobStore().hasBlob(key);
}

export function deleteBlob(key: string): Promise<void> {
  return getBlobStore().deleteBlob(key);
}

export function putNamedObject(name: string, content: string): Promise<void> {
  return getBlobStore().putNamedObject(name, content);
}

export function getNamedObject(name: string): Promise<string | undefined> {
  return getBlobStore().getNamedObject(name);
}

/** CANARY_MAX_UPLOAD_BYTES, default 1 GiB. */
export function maxUploadBytes(): number {
  const raw = process.env.CANARY_MAX_UPLOAD_BYTES;
  const value = raw ? Number(raw) : 1024 ** 3;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`CANARY_MAX_UPLOAD_BYTES must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}
