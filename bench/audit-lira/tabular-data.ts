// The demo tabular task of the audit benchmarks: `count` rows of `width` standardised features, two
// classes from a noisy linear rule (20% of labels flipped), reproducible from `seed`. Label noise
// is what a non-private model memorises, hence what membership inference detects.
import type { TrainingData } from "../../lib/dp/training/train.ts";
import { mulberry32 } from "../../lib/numerics/index.ts";

export function demoTabular(count: number, width: number, seed: number): TrainingData {
  const uniform = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const weights = Array.from({ length: width }, () => gaussian());
  const features = new Float32Array(count * width);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let dot = 0;
    for (let d = 0; d < width; d++) {
      const value = gaussian();
      features[i * width + d] = value;
      dot += value * weights[d]!;
    }
    labels[i] = (dot > 0) !== uniform() < 0.2 ? 1 : 0;
  }
  return { features, labels, count };
}
