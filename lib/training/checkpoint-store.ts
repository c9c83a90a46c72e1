// A training checkpoint as ONE immutable blob: the parameters, the accountant's state dict, the
// step and the run's secret sampling key (together the sampler's whole state; the blob is the only
// place the key is kept), C, and the curves. Content-addressed, so writing it is atomic: the blob
// is complete under its key or absent.
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import type { TrainingCheckpoint } from "../dp/index.ts";
import { AppError } from "../errors/index.ts";
import { openBlob, putStream } from "../storage/index.ts";
import type { CurvePoint, TrainingProgress } from "../models/index.ts";

const FORMAT = "canary-training-checkpoint";
const MAX_CHECKPOINT_BYTES = 1024 ** 3;

export interface StoredCheckpoint {
  trainingRunId: string;
  checkpoint: TrainingCheckpoint;
  curve: CurvePoint[];
  progress: TrainingProgress;
}

export async function writeCheckpoint(value: StoredCheckpoint): Promise<string> {
  const body = Buffer.from(JSON.stringify({ format: FORMAT, version: 1, ...value }));
  return (await putStream(Readable.from([body]), { maxBytes: MAX_CHECKPOINT_BYTES })).key;
}

/** @throws AppError internal when the blob is missing or not a checkpoint. */
export async function readCheckpoint(key: string): Promise<StoredCheckpoint> {
  let parsed: { format?: string } & Partial<StoredCheckpoint>;
  try {
    parsed = JSON.parse(await text(openBlob(key))) as typeof parsed;
  } catch (error) {
    throw new AppError("internal", `the training checkpoint ${key.slice(0, 12)}… could not be read: ${(error as Error).message.split("\n")[0]}`);
  }
  if (parsed.format !== FORMAT || !parsed.checkpoint || !Array.isArray(parsed.curve)) throw new AppError("internal", `blob ${key.slice(0, 12)}… is not a training checkpoint`);
  return parsed as StoredCheckpoint;
}
