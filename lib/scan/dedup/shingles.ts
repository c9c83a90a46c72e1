import { hashWords, murmurHash3Ints } from "./murmur3.ts";

/** Words per shingle (Broder 1997, "On the resemblance and containment of documents", doi:10.1109/SEQUEN.1997.666900, compares documents by their sets of word w-shingles). */
export const SHINGLE_WORDS = 5;

/**
 * The word 5-shingles of a normalised text (see normaliseText), each as its text; a text of fewer
 * than 5 words is one shingle, the whole text ("" included). Duplicates are kept; callers that
 * need a set dedupe. Runs in O(text.length).
 *
 * @example shingleTexts("a b c d e f") // ["a b c d e", "b c d e f"]
 */
export function shingleTexts(normalisedText: string): string[] {
  const starts = wordStarts(normalisedText);
  const words = starts.length;
  if (words < SHINGLE_WORDS) return [normalisedText];
  const shingles = new Array<string>(words - SHINGLE_WORDS + 1);
  for (let i = 0; i + SHINGLE_WORDS <= words; i++) {
    const end = i + SHINGLE_WORDS < words ? starts[i + SHINGLE_WORDS]! - 1 : normalisedText.length;
    shingles[i] = normalisedText.slice(starts[i], end);
  }
  return shingles;
}

/**
 * 32-bit hashes of the same shingles as shingleTexts, without building their strings: each word
 * is hashed once (MurmurHash3 of its UTF-8, read straight from the text, see hashWords), and a
 * shingle's hash is MurmurHash3 of its words' hashes. Two different shingles collide with
 * probability about 2^-32, which only nudges a MinHash estimate; duplicate verification compares
 * the shingle texts themselves. Runs in O(text.length).
 *
 * @example shingleHashes("a b c").length // 1: fewer than 5 words make one shingle
 */
export function shingleHashes(normalisedText: string, seed = 0): Uint32Array {
  const into = new Uint32Array(normalisedText.length + 1);
  return into.slice(0, hashShingles(normalisedText, seed, into));
}

/**
 * shingleHashes written into `into` (room for normalisedText.length + 1 values), returning how
 * many: the allocation-free form for scanning millions of records.
 */
export function hashShingles(normalisedText: string, seed: number, into: Uint32Array): number {
  const words = hashWords(normalisedText, seed, into);
  if (words < SHINGLE_WORDS) {
    into[0] = murmurHash3Ints(into, 0, words, seed);
    return 1;
  }
  // In place: shingle i only reads word hashes i..i+4, which later shingles still need only from i+1 on.
  const shingles = words - SHINGLE_WORDS + 1;
  for (let i = 0; i < shingles; i++) into[i] = murmurHash3Ints(into, i, SHINGLE_WORDS, seed);
  return shingles;
}

function wordStarts(normalisedText: string): number[] {
  if (normalisedText === "") return [];
  const starts = [0];
  for (let i = normalisedText.indexOf(" "); i !== -1; i = normalisedText.indexOf(" ", i + 1)) starts.push(i + 1);
  return starts;
}
