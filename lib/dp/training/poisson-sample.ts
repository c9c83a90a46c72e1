/** A seedable uniform [0, 1) generator (mulberry32): sampling must be reproducible for resume. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Poisson sampling: every example joins the batch independently with probability `sampleRate`,
 * so batch sizes vary. This, not a shuffled fixed-size batch, is what the subsampled-Gaussian
 * accountants assume (Mironov et al. 2019, arXiv:1908.10530, sec. 3; Opacus's UniformWithReplacementSampler).
 * Runs in O(n).
 */
export function poissonSample(datasetSize: number, sampleRate: number, random: () => number): number[] {
  if (!(sampleRate > 0 && sampleRate <= 1)) throw new Error(`poissonSample: sampleRate must be in (0, 1], got ${sampleRate}`);
  const indices: number[] = [];
  for (let i = 0; i < datasetSize; i++) if (random() < sampleRate) indices.push(i);
  return indices;
}
