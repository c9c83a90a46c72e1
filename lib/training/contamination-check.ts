import { AppError } from "../errors/index.ts";
import { findOverlapInFiles } from "../scan/index.ts";

/** Above this share of eval records found in the training set, a run is refused. */
export const MAX_CONTAMINATION_RATE = 0.5;

export interface Contamination {
  rate: number;
  overlapping: number;
  evalRecords: number;
}

/** Share of eval records that near-duplicate a training record (governance issue's overlap check). */
export async function measureContamination(train: { path: string; format: "csv" | "jsonl" }, evalFile: { path: string; format: "csv" | "jsonl" }): Promise<Contamination> {
  const overlap = await findOverlapInFiles(train.path, evalFile.path, { format: train.format, formatB: evalFile.format });
  const found = new Set<string>();
  for (const pair of overlap.pairs) found.add(pair.b);
  return { rate: overlap.recordsB === 0 ? 0 : found.size / overlap.recordsB, overlapping: found.size, evalRecords: overlap.recordsB };
}

/** @throws AppError unprocessable when more than MAX_CONTAMINATION_RATE of the eval records are training records. */
export function refuseContaminated(contamination: Contamination | null | undefined): void {
  if (contamination && contamination.rate > MAX_CONTAMINATION_RATE) {
    throw new AppError(
      "unprocessable",
      `refused: ${(contamination.rate * 100).toFixed(0)}% of the evaluation records also appear in the training set (more than ${MAX_CONTAMINATION_RATE * 100}%); its metrics would mean nothing`,
    );
  }
}
