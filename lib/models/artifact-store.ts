import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { AppError } from "../errors/index.ts";
import { openBlob, putStream } from "../storage/index.ts";
import type { ArtifactBundle } from "./artifact-bundle.ts";

/** CANARY_MAX_MODEL_BYTES, the largest artifact bundle accepted; default 256 MiB. */
export function maxModelBytes(): number {
  const raw = process.env.CANARY_MAX_MODEL_BYTES;
  const value = raw ? Number(raw) : 256 * 1024 ** 2;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`CANARY_MAX_MODEL_BYTES must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** Stores a bundle as one content-addressed blob; its key is its sha256. */
export async function storeBundle(bundle: ArtifactBundle): Promise<{ key: string; sha256: string; sizeBytes: number }> {
  const body = Buffer.from(JSON.stringify(bundle));
  const stored = await putStream(Readable.from([body]), { maxBytes: maxModelBytes() });
  return { key: stored.key, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
}

/** Reads a stored bundle (unvalidated JSON: loadBundle validates). */
export async function readBundle(key: string): Promise<unknown> {
  try {
    return JSON.parse(await text(openBlob(key))) as unknown;
  } catch (error) {
    throw new AppError("internal", `the model artifact ${key.slice(0, 12)}… could not be read: ${(error as Error).message.split("\n")[0]}`);
  }
}
