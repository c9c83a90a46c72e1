/**
 * MinHash signatures: for each of `numPerm` hash permutations h_i, the smallest h_i(x) over a
 * set's elements; two sets agree at a position with probability equal to their Jaccard similarity.
 * Broder 1997, "On the resemblance and containment of documents", doi:10.1109/SEQUEN.1997.666900.
 *
 * The permutations are h_i(x) = (a_i·x + b_i) mod 2^32 with a_i odd, over x = the element's
 * 32-bit MurmurHash3. This departs from the universal family (a·x + b) mod p with p prime (as
 * datasketch uses, p = 2^61 − 1): JavaScript has no 64-bit integer multiply, and the exact
 * mod-p product in doubles measured about twice as slow as Math.imul in this loop, which is the
 * whole cost (128 permutations × ~170 shingles for a 1 KB record). With a odd, x ↦ a·x + b mod 2^32
 * is a bijection of the 32-bit values, so each h_i is a true permutation; the family is not
 * min-wise independent in theory, but x is already a well-mixed hash, and minhash.test.ts checks
 * that the estimate stays unbiased on sets of known Jaccard similarity.
 */
export class MinHash {
  readonly numPerm: number;
  readonly seed: number;
  // Stored as signed 32-bit ints with b pre-flipped by 0x80000000: comparing (a·x + b) ^ 0x80000000
  // as signed ints orders the same as comparing a·x + b unsigned, and keeps the loop in int32.
  private readonly a: Int32Array;
  private readonly bFlipped: Int32Array;

  constructor(numPerm = 128, seed = 1) {
    if (!Number.isInteger(numPerm) || numPerm < 1) throw new Error(`MinHash: numPerm must be a positive integer, got ${numPerm}`);
    this.numPerm = numPerm;
    this.seed = seed;
    const random = splitMix32(seed);
    this.a = new Int32Array(numPerm);
    this.bFlipped = new Int32Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      this.a[i] = random() | 1;
      this.bFlipped[i] = random() ^ 0x80000000;
    }
  }

  /**
   * The signature of the set of `hashes[0..count)` (repeats do not matter). An empty set gives
   * all 0xffffffff. Runs in O(numPerm · count).
   */
  signature(hashes: Uint32Array, count: number = hashes.length, into: Uint32Array = new Uint32Array(this.numPerm)): Uint32Array {
    const { a, bFlipped, numPerm } = this;
    const n = Math.min(count, hashes.length);
    const x = hashes;
    let i = 0;
    // Four permutations per pass over the hashes: each hash is loaded once for four products.
    for (; i + 4 <= numPerm; i += 4) {
      const a0 = a[i]!, a1 = a[i + 1]!, a2 = a[i + 2]!, a3 = a[i + 3]!;
      const b0 = bFlipped[i]!, b1 = bFlipped[i + 1]!, b2 = bFlipped[i + 2]!, b3 = bFlipped[i + 3]!;
      let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
      for (let j = 0; j < n; j++) {
        const v = x[j]! | 0;
        const v0 = (Math.imul(a0, v) + b0) | 0;
        if (v0 < m0) m0 = v0;
        const v1 = (Math.imul(a1, v) + b1) | 0;
        if (v1 < m1) m1 = v1;
        const v2 = (Math.imul(a2, v) + b2) | 0;
        if (v2 < m2) m2 = v2;
        const v3 = (Math.imul(a3, v) + b3) | 0;
        if (v3 < m3) m3 = v3;
      }
      into[i] = m0 ^ 0x80000000;
      into[i + 1] = m1 ^ 0x80000000;
      into[i + 2] = m2 ^ 0x80000000;
      into[i + 3] = m3 ^ 0x80000000;
    }
    for (; i < numPerm; i++) {
      const ai = a[i]!, bi = bFlipped[i]!;
      let m = 0x7fffffff;
      for (let j = 0; j < n; j++) {
        const v = (Math.imul(ai, x[j]! | 0) + bi) | 0;
        if (v < m) m = v;
      }
      into[i] = m ^ 0x80000000;
    }
    return into;
  }
}

/**
 * The fraction of positions where two signatures agree: an unbiased estimate of the Jaccard
 * similarity of the sets behind them, with standard error sqrt(J(1 − J)/numPerm).
 */
export function estimateJaccard(signatureA: Uint32Array, signatureB: Uint32Array): number {
  if (signatureA.length !== signatureB.length || signatureA.length === 0) {
    throw new Error("estimateJaccard: signatures must have the same, non-zero length");
  }
  let equal = 0;
  for (let i = 0; i < signatureA.length; i++) if (signatureA[i] === signatureB[i]) equal++;
  return equal / signatureA.length;
}

// SplitMix32 (a 32-bit variant of Steele et al. 2014's SplitMix): seeded, so the same seed always
// gives the same permutations and the same signatures.
function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
}
