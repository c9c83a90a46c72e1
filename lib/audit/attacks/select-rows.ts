import type { TrainingData } from "../../dp/index.ts";

/**
 * The rows of `data` whose `mask` entry is 1 (with `keep` false: whose entry is 0), in order:
 * a shadow model's training set from its row of the inclusion matrix. Runs in O(n · width).
 * @throws Error when the mask's length is not the row count
 */
export function selectRows(data: TrainingData, mask: ArrayLike<number>, keep = true): TrainingData {
  if (mask.length !== data.count) throw new Error(`selectRows: the mask has ${mask.length} entries for ${data.count} rows`);
  const width = data.count === 0 ? 0 : data.features.length / data.count;
  const rows: number[] = [];
  for (let i = 0; i < data.count; i++) if ((mask[i] === 1) === keep) rows.push(i);
  const features = new Float32Array(rows.length * width);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, k) => {
    features.set(data.features.subarray(row * width, (row + 1) * width), k * width);
    labels[k] = data.labels[row]!;
  });
  return { features, labels, count: rows.length };
}
