// Synthetic data for the attack tests: Gaussian blobs (a learnable task) and canaries (random
// points with random labels, which a model can only fit by memorising them). Not exported from
// index.ts: test fixtures only.
import type { TrainingData } from "../../dp/index.ts";
import { mulberry32 } from "../../numerics/index.ts";

function gaussianSource(seed: number): () => number {
  const random = mulberry32(seed);
  // Box–Muller; 1 − u keeps the logarithm finite.
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** `count` points in `dimensions` dimensions, class k centred at ±`separation` along axis k mod d. */
export function gaussianBlobs(count: number, dimensions: number, numClasses: number, seed: number, separation = 1): TrainingData {
  const gaussian = gaussianSource(seed);
  const features = new Float32Array(count * dimensions);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % numClasses;
    labels[i] = label;
    for (let d = 0; d < dimensions; d++) features[i * dimensions + d] = gaussian();
    features[i * dimensions + (label % dimensions)]! += separation;
  }
  return { features, labels, count };
}

/**
 * Canaries: features uniform on the sphere of radius `norm` and labels uniform over the classes,
 * drawn independently, so nothing but memorisation tells a member canary from a fresh one.
 */
export function canaries(count: number, dimensions: number, numClasses: number, seed: number, norm = 1): TrainingData {
  const gaussian = gaussianSource(seed);
  const random = mulberry32(seed ^ 0x5bd1e995);
  const features = new Float32Array(count * dimensions);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let squared = 0;
    for (let d = 0; d < dimensions; d++) {
      const value = gaussian();
      features[i * dimensions + d] = value;
      squared += value * value;
    }
    const scale = norm / Math.sqrt(squared);
    for (let d = 0; d < dimensions; d++) features[i * dimensions + d]! *= scale;
    labels[i] = Math.floor(random() * numClasses);
  }
  return { features, labels, count };
}

/** The rows of several datasets, one after the other. */
export function concatData(...parts: TrainingData[]): TrainingData {
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const features = new Float32Array(parts.reduce((sum, part) => sum + part.features.length, 0));
  const labels = new Int32Array(count);
  let featureOffset = 0;
  let row = 0;
  for (const part of parts) {
    features.set(part.features, featureOffset);
    labels.set(part.labels, row);
    featureOffset += part.features.length;
    row += part.count;
  }
  return { features, labels, count };
}
