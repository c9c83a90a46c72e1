import { CoveredOffsets } from "./covered-offsets.ts";
import type { PiiEntity, RawSpan } from "./types.ts";

export type RankedSpan = RawSpan & { type: PiiEntity; rank: number };

/**
 * Keeps the best of overlapping spans, greedily: higher score, then longer, then lower rank (the recognizer
 * listed first), then earlier; returns them sorted by start. Presidio keeps overlaps of different types;
 * one finding per stretch of text suits column statistics better. Runs in O(n log n) in spans plus their
 * total length (a few times the value's length: each recognizer's matches hardly overlap one another).
 */
export function resolveOverlaps(candidates: RankedSpan[]): (RawSpan & { type: PiiEntity })[] {
  if (candidates.length <= 1) return candidates.map(({ rank: _rank, ...span }) => span);
  candidates.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  let length = 0;
  for (const span of candidates) length = Math.max(length, span.end);
  const covered = new CoveredOffsets(length);
  const kept: (RawSpan & { type: PiiEntity })[] = [];
  for (const { rank: _rank, ...span } of candidates) {
    if (covered.overlaps(span.start, span.end)) continue;
    covered.add(span.start, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
