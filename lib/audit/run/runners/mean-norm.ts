import type { TrainingData } from "../../../dp/index.ts";

/** Mean Euclidean norm of the rows: canaries are drawn at the data's scale. */
export function meanNorm(data: TrainingData): number {
  const width = data.features.length / data.count;
  let total = 0;
  for (let i = 0; i < data.count; i++) {
    let squared = 0;
    for (let d = 0; d < width; d++) squared += data.features[i * width + d]! ** 2;
    total += Math.sqrt(squared);
  }
  return total / data.count || 1;
}
