import type { TrainingData } from "../../../dp/index.ts";
import { selectRows } from "../../attacks/index.ts";

/** Splits rows [0, at) and [at, count). */
export function splitAt(data: TrainingData, at: number): [TrainingData, TrainingData] {
  const mask = Uint8Array.from({ length: data.count }, (_, i) => (i < at ? 1 : 0));
  return [selectRows(data, mask), selectRows(data, mask, false)];
}
