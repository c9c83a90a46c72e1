import { toCodePointSpans } from "./code-points.ts";
import { fieldNameWords, scoreWithContext, wordsAround } from "./context.ts";
import { profileText } from "./profile-text.ts";
import { resolveOverlaps } from "./resolve-overlaps.ts";
import type { DetectOptions, PiiEntity, RawSpan, Recognizer, Span, TextProfile } from "./types.ts";

export interface RecognizerSpec {
  /** Registry name; defaults to the entity. */
  name?: string;
  entity: PiiEntity;
  context: readonly string[];
  negativeContext?: readonly string[];
  mayContain(profile: TextProfile): boolean;
  find(text: string, options: DetectOptions): RawSpan[];
}

/** Builds a Recognizer whose `detect` is `find`, then context, then overlap removal, then code point offsets. */
export function defineRecognizer(spec: RecognizerSpec): Recognizer {
  const recognizer: Recognizer = {
    name: spec.name ?? spec.entity,
    entity: spec.entity,
    context: spec.context,
    negativeContext: spec.negativeContext ?? [],
    mayContain: spec.mayContain,
    find: spec.find,
    detect(text: string, options: DetectOptions = {}): Span[] {
      const profile = profileText(text);
      if (!spec.mayContain(profile)) return [];
      const scored = scoreSpans(recognizer, text, spec.find(text, options), options.fieldName);
      // Overlapping matches of one recognizer (a column value and a name inside it) keep the best.
      const spans = resolveOverlaps(scored.map((span) => ({ ...span, rank: 0 })));
      return toCodePointSpans(text, profile.astral, spans);
    },
  };
  return recognizer;
}

/** Applies context (words around each match plus the field name's words) to raw matches. */
export function scoreSpans(
  recognizer: Recognizer,
  text: string,
  raw: readonly RawSpan[],
  fieldName: string | undefined,
): (RawSpan & { type: PiiEntity })[] {
  const fieldWords = fieldNameWords(fieldName);
  const scored: (RawSpan & { type: PiiEntity })[] = [];
  for (const span of raw) {
    const words = wordsAround(text, span.start, span.end);
    for (const w of fieldWords) words.push(w);
    scored.push({
      type: recognizer.entity,
      start: span.start,
      end: span.end,
      score: words.length === 0 ? span.score : scoreWithContext(span.score, words, recognizer.context, recognizer.negativeContext),
    });
  }
  return scored;
}
