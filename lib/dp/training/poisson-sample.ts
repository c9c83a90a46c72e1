/**
 * Poisson sampling: every example joins the batch independently with probability `sampleRate`,
 * so batch sizes vary (mean qN, variance q(1 − q)N). This, not a shuffled fixed-size batch, is what
 * the subsampled-Gaussian accountants assume (Mironov et al. 2019, arXiv:1908.10530, sec. 3; Opacus's
 * UniformWithReplacementSampler), and they assume `random` secret: a private run passes
 * keyedUniforms(its secret key, step). Runs in O(n).
 */
export function poissonSample(datasetSize: number, sampleRate: number, random: () => number): number[] {
  if (!(sampleRate > 0 && sampleRate <= 1)) throw new Error(`poissonSample: sampleRate must be in (0, 1], got ${sampleRate}`);
  const indices: number[] = [];
  for (let i = 0; i < datasetSize; i++) if (random() < sampleRate) indices.push(i);
  return indices;
}
