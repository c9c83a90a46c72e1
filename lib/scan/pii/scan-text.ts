import { toCodePointSpans } from "./code-points.ts";
import { scoreSpans } from "./define-recognizer.ts";
import { profileText } from "./profile-text.ts";
import { listRecognizers } from "./registry.ts";
import { resolveOverlaps, type RankedSpan } from "./resolve-overlaps.ts";
import type { PiiEntity, RawSpan, Recognizer, Span } from "./types.ts";

export interface ScanTextOptions {
  /** Column or JSON key of the value; its words are context (a column named `ssn` raises SSN scores). */
  fieldName?: string;
  /** Spans scoring below this are dropped. @defaultValue 0.5 */
  minScore?: number;
  /** Which recognizers run, in precedence order for ties. @defaultValue every registered recognizer */
  recognizers?: readonly Recognizer[];
}

/** A span in UTF-16 offsets, the form the pipeline works in before converting once at the end. */
export type TypedRawSpan = RawSpan & { type: PiiEntity };

export const DEFAULT_MIN_SCORE = 0.5;

/**
 * Every entity in one value, as non-overlapping spans in code point offsets, sorted by start.
 * Recognizers whose prefilter rules the value out do not run (most cells need no regex at all).
 * @example scanText("mail jo@example.com") // [{ type: "EMAIL_ADDRESS", start: 5, end: 19, score: 1 }]
 */
export function scanText(text: string, options: ScanTextOptions = {}): Span[] {
  const { spans, astral } = findSpans(text, options);
  return toCodePointSpans(text, astral, spans);
}

/** scanText before the code point conversion, for callers that also need the matched substrings. */
export function findSpans(text: string, options: ScanTextOptions = {}): { spans: TypedRawSpan[]; astral: boolean } {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const recognizers = options.recognizers ?? listRecognizers();
  const profile = profileText(text);
  const candidates: RankedSpan[] = [];
  for (let rank = 0; rank < recognizers.length; rank++) {
    const recognizer = recognizers[rank]!;
    if (!recognizer.mayContain(profile)) continue;
    const raw = recognizer.find(text, { fieldName: options.fieldName });
    if (raw.length === 0) continue;
    let certainWhole = false;
    for (const span of scoreSpans(recognizer, text, raw, options.fieldName) as RankedSpan[]) {
      if (span.score >= minScore && span.end > span.start) {
        span.rank = rank;
        candidates.push(span);
        if (span.score >= 1 && span.start === 0 && span.end === text.length) certainWhole = true;
      }
    }
    // A span of score 1 over the whole value (a cell that is one valid email, card or IBAN) would beat
    // anything the remaining recognizers find inside it: they need not run.
    if (certainWhole) break;
  }
  return { spans: resolveOverlaps(candidates), astral: profile.astral };
}
