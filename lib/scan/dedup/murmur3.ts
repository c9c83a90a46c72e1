// MurmurHash3 x86_32 (Austin Appleby, SMHasher, MurmurHash3.cpp), written out because hashing
// every word of every record must not allocate: strings are read as UTF-8 without encoding them
// into a buffer first (ASCII fast path), and integer runs are hashed as their little-endian bytes.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalise(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MurmurHash3 x86_32 of the bytes `bytes[0..length)`, as an unsigned 32-bit integer.
 * Runs in O(length).
 *
 * @example murmurHash3Bytes(new TextEncoder().encode("abc"), 3, 0) // 0xb3dd93fa
 */
export function murmurHash3Bytes(bytes: Uint8Array, length: number = bytes.length, seed = 0): number {
  let h = seed | 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h = mixH(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  let k = 0;
  switch (length & 3) {
    case 3:
      k ^= bytes[blocks + 2]! << 16;
    // falls through
    case 2:
      k ^= bytes[blocks + 1]! << 8;
    // falls through
    case 1:
      k ^= bytes[blocks]!;
      h ^= mixK(k);
  }
  return finalise(h, length);
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/**
 * MurmurHash3 x86_32 of the UTF-8 bytes of `text`, as an unsigned 32-bit integer (the value
 * Python's `mmh3.hash(text, seed, signed=False)` gives). Runs in O(text.length).
 *
 * @example murmurHash3String("The quick brown fox jumps over the lazy dog", 0x9747b28c) // 0x2fa826cd
 */
export function murmurHash3String(text: string, seed = 0): number {
  let h = seed | 0;
  const length = text.length;
  const blocks = length & ~3;
  let i = 0;
  // ASCII fast path: one char is one byte.
  for (; i < blocks; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 0x7f) return hashEncoded(text, seed);
    h = mixH(h, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
  }
  let k = 0;
  for (let shift = 0; i < length; i++, shift += 8) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return hashEncoded(text, seed);
    k |= c << shift;
  }
  if ((length & 3) !== 0) h ^= mixK(k);
  return finalise(h, length);
}

function hashEncoded(text: string, seed: number): number {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return murmurHash3Bytes(scratch, written, seed);
}

/**
 * MurmurHash3 x86_32 of `values[start..start+count)` read as little-endian 32-bit words (so it
 * equals murmurHash3Bytes over those 4·count bytes). Hashes a word shingle from its word hashes,
 * or an LSH band from its signature rows, without building a string.
 *
 * @example murmurHash3Ints(Uint32Array.of(0x64636261), 0, 1, 0x9747b28c) // 0xf0478627, as "abcd"
 */
export function murmurHash3Ints(values: Uint32Array | Int32Array, start: number, count: number, seed = 0): number {
  let h = seed | 0;
  const end = start + count;
  for (let i = start; i < end; i++) h = mixH(h, values[i]! | 0);
  return finalise(h, count * 4);
}

/**
 * Writes murmurHash3String(word, seed) of each space-separated word of `text` into `into` (which
 * needs room for text.length + 1 words) and returns the number of words; "" has none, and a text
 * with a leading, trailing or double space has empty words there (normalised texts have none).
 * Reads the UTF-8 bytes off the UTF-16 code units without building a string per word: a 1 KB text
 * is ~170 words, and splitting it would allocate them all. Lone surrogates hash as U+FFFD, as
 * TextEncoder encodes them. Runs in O(text.length).
 */
export function hashWords(text: string, seed: number, into: Uint32Array): number {
  const length = text.length;
  if (length === 0) return 0;
  let words = 0;
  let h = seed | 0;
  let k = 0;
  let shift = 0;
  let bytes = 0;
  for (let i = 0; i <= length; i++) {
    let c = i < length ? text.charCodeAt(i) : 0x20;
    if (c === 0x20) {
      if (shift !== 0) h ^= mixK(k);
      into[words++] = finalise(h, bytes);
      h = seed | 0;
      k = 0;
      shift = 0;
      bytes = 0;
      continue;
    }
    if (c < 0x80) {
      k |= c << shift;
      shift += 8;
      bytes++;
      if (shift === 32) {
        h = mixH(h, k);
        k = 0;
        shift = 0;
      }
      continue;
    }
    // Multi-byte UTF-8: pack the 2 to 4 bytes little-endian into `packed`, then feed them one by one.
    let packed: number;
    let count: number;
    if (c < 0x800) {
      packed = (0xc0 | (c >> 6)) | ((0x80 | (c & 0x3f)) << 8);
      count = 2;
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      if (c < 0x10000) {
        packed = (0xe0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
        count = 3;
      } else {
        packed = (0xf0 | (c >> 18)) | ((0x80 | ((c >> 12) & 0x3f)) << 8) | ((0x80 | ((c >> 6) & 0x3f)) << 16) | ((0x80 | (c & 0x3f)) << 24);
        count = 4;
      }
    }
    for (let q = 0; q < count; q++) {
      k |= ((packed >>> (8 * q)) & 0xff) << shift;
      shift += 8;
      bytes++;
      if (shift === 32) {
        h = mixH(h, k);
        k = 0;
        shift = 0;
      }
    }
  }
  return words;
}
