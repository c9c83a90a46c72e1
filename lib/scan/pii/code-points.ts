import type { PiiEntity, RawSpan, Span } from "./types.ts";

/**
 * Converts UTF-16 offsets (what JavaScript regexes report) to Unicode code point offsets
 * (what callers in other languages count), so "😀 a@b.co" puts the email at 2, not 3.
 * Values without astral characters map one to one and are returned without copying work.
 * Runs in O(n) for values with astral characters, O(spans) otherwise.
 */
export function toCodePointSpans(text: string, astral: boolean, spans: readonly (RawSpan & { type: PiiEntity })[]): Span[] {
  if (!astral) return spans.map((s) => ({ type: s.type, start: s.start, end: s.end, score: s.score }));
  const codePointAt = codePointIndex(text);
  return spans.map((s) => ({ type: s.type, start: codePointAt[s.start]!, end: codePointAt[s.end]!, score: s.score }));
}

/** `index[u]` is the number of code points before UTF-16 unit `u`, for u in [0, length]. */
function codePointIndex(text: string): Uint32Array {
  const index = new Uint32Array(text.length + 1);
  let count = 0;
  for (let u = 0; u < text.length; u++) {
    index[u] = count;
    const c = text.charCodeAt(u);
    // A high surrogate followed by a low one is one code point: the low unit shares its index.
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
      const next = text.charCodeAt(u + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index[u + 1] = count;
        u++;
      }
    }
    count++;
  }
  index[text.length] = count;
  return index;
}
