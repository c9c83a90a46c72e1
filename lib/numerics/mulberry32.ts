/**
 * Mulberry32, a 32-bit-state pseudo-random generator (Tommy Ettinger, 2017; public domain): fast,
 * seedable and the same on every platform, so a bootstrap run can be repeated exactly. Not for secrets.
 *
 * @param seed any number; its low 32 bits are the state
 * @returns a function giving uniform numbers in [0, 1), multiples of 2^-32
 * @example mulberry32(1)() // 0.6270739405881613
 * Runs in O(1) per draw.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
