// Test support: two Gaussian blobs in 4 dimensions, separable with a margin, so any working trainer
// beats 90%; reproducible from `seed`.
import { mulberry32 } from "../../numerics/index.ts";
import type { TrainingData } from "./train.ts";

export function gaussianBlobs(count: number, seed: number): TrainingData {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const features = new Float32Array(count * 4);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let d = 0; d < 4; d++) features[i * 4 + d] = gaussian() * 0.7 + (labels[i] ? 1.2 : -1.2);
  }
  return { features, labels, count };
}
