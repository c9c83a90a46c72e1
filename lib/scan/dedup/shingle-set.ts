import { hashShingles, SHINGLE_WORDS } from "./shingles.ts";

/**
 * The distinct word 5-shingles of a normalised text (see shingleTexts), for exact Jaccard
 * similarity without building a string per shingle: each shingle is a span of the text, sorted by
 * its 32-bit hash; equal hashes are confirmed by comparing the spans' characters, so hash
 * collisions never merge two different shingles.
 */
export class ShingleSet {
  private readonly text: string;
  /** Hash of each distinct shingle, ascending. */
  private readonly hashes: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  private constructor(text: string, hashes: Uint32Array, starts: Uint32Array, ends: Uint32Array) {
    this.text = text;
    this.hashes = hashes;
    this.starts = starts;
    this.ends = ends;
  }

  /** Runs in O(n log n) for a text of n words. */
  static of(normalisedText: string): ShingleSet {
    const text = normalisedText;
    const wordStarts: number[] = text === "" ? [] : [0];
    for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) wordStarts.push(i + 1);
    const hashes = new Uint32Array(text.length + 1);
    const count = hashShingles(text, 0, hashes);
    // Fewer than 5 words: one shingle, the whole text.
    const short = wordStarts.length < SHINGLE_WORDS;
    const spanStart = (i: number) => (short ? 0 : wordStarts[i]!);
    const spanEnd = (i: number) => (!short && i + SHINGLE_WORDS < wordStarts.length ? wordStarts[i + SHINGLE_WORDS]! - 1 : text.length);

    // Sort shingle numbers by hash: hash in the high word, number in the low, one native sort.
    const packed = new BigUint64Array(count);
    const words = new Uint32Array(packed.buffer);
    for (let i = 0; i < count; i++) {
      words[2 * i] = i;
      words[2 * i + 1] = hashes[i]!;
    }
    packed.sort();

    const keptHashes = new Uint32Array(count);
    const keptStarts = new Uint32Array(count);
    const keptEnds = new Uint32Array(count);
    let kept = 0;
    let runStart = 0; // first kept entry with the current hash
    for (let j = 0; j < count; j++) {
      const hash = words[2 * j + 1]!;
      const shingle = words[2 * j]!;
      const start = spanStart(shingle);
      const end = spanEnd(shingle);
      if (kept === 0 || keptHashes[kept - 1] !== hash) runStart = kept;
      let repeated = false;
      for (let k = runStart; k < kept && !repeated; k++) repeated = sameSpan(text, keptStarts[k]!, keptEnds[k]!, text, start, end);
      if (repeated) continue;
      keptHashes[kept] = hash;
      keptStarts[kept] = start;
      keptEnds[kept] = end;
      kept++;
    }
    return new ShingleSet(text, keptHashes.slice(0, kept), keptStarts.slice(0, kept), keptEnds.slice(0, kept));
  }

  /** Number of distinct shingles. */
  get size(): number {
    return this.hashes.length;
  }

  /**
   * Exact Jaccard similarity |A ∩ B| / |A ∪ B| of the two shingle sets, by a merge on hashes.
   * Runs in O(|A| + |B|).
   */
  jaccard(other: ShingleSet): number {
    const a = this.hashes;
    const b = other.hashes;
    let i = 0;
    let j = 0;
    let shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else {
        // A run of equal hashes on each side (almost always one each): count the equal spans.
        const hash = a[i]!;
        let iEnd = i;
        while (iEnd < a.length && a[iEnd] === hash) iEnd++;
        let jEnd = j;
        while (jEnd < b.length && b[jEnd] === hash) jEnd++;
        for (let x = i; x < iEnd; x++) {
          for (let y = j; y < jEnd; y++) {
            if (sameSpan(this.text, this.starts[x]!, this.ends[x]!, other.text, other.starts[y]!, other.ends[y]!)) {
              shared++;
              break;
            }
          }
        }
        i = iEnd;
        j = jEnd;
      }
    }
    return shared / (a.length + b.length - shared);
  }
}

function sameSpan(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}
