import { randomFillSync } from "node:crypto";

const TWO_POW_26 = 2 ** 26;
const TWO_POW_53 = 2 ** 53;

/**
 * `count` independent N(0, 1) draws in float64 from the OS's CSPRNG, by the Box–Muller transform
 * (Box & Muller 1958, Ann. Math. Statist. 29(2)) on 53-bit uniforms: the privacy noise of DP-SGD.
 * tf.randomNormal is no substitute: its generator is seedrandom's Alea, a fast non-cryptographic
 * PRNG whose whole state follows from its seed. Runs in O(count).
 * @example secureGaussian(3) // three fresh standard normal draws, e.g. Float64Array [0.31, -1.2, 0.05]
 */
export function secureGaussian(count: number): Float64Array {
  if (!(Number.isSafeInteger(count) && count >= 0)) throw new Error(`secureGaussian: count must be a non-negative integer, got ${count}`);
  const pairs = Math.ceil(count / 2);
  const words = randomFillSync(new Uint32Array(4 * pairs));
  const uniform = (k: number) => ((words[k]! >>> 5) * TWO_POW_26 + (words[k + 1]! >>> 6)) / TWO_POW_53;
  const out = new Float64Array(2 * pairs);
  for (let p = 0; p < pairs; p++) {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - uniform(4 * p)));
    const angle = 2 * Math.PI * uniform(4 * p + 2);
    out[2 * p] = radius * Math.cos(angle);
    out[2 * p + 1] = radius * Math.sin(angle);
  }
  return count === out.length ? out : out.subarray(0, count);
}
