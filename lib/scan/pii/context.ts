// Presidio's LemmaContextAwareEnhancer (presidio-analyzer/presidio_analyzer/context_aware_enhancers/
// lemma_context_aware_enhancer.py): a supportive word among the 5 words before a match adds 0.35 to its
// score, and a match with context scores at least 0.4. We depart in three ways: no lemmatiser (a context
// word of 4+ letters also matches as a prefix, so "phones" matches "phone"), 2 words after the match count
// too ("555-0100 (mobile)"), context does not cross a sentence end, and negative words ("version", "isbn", "order") lower the score by the same 0.35.

/** Presidio's `context_similarity_factor`. */
export const CONTEXT_BOOST = 0.35;
/** Presidio's `min_score_with_context_similarity`. */
export const MIN_SCORE_WITH_CONTEXT = 0.4;
const WORDS_BEFORE = 5;
const WORDS_AFTER = 2;
/** Characters inspected each side of a match; 5 words rarely need more. */
const WINDOW_BEFORE = 64;
const WINDOW_AFTER = 32;

const WORD = /[\p{L}\p{N}]+/gu;
/** A full stop, question or exclamation mark followed by a space and a capital or digit ends a sentence,
 * unless it closes an abbreviation or an initial ("Mr. Smith", "J. Doe"). */
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Mt|No|vs|etc|e\.g|i\.e|\p{Lu}))[.!?]\s+(?=[\p{Lu}\p{N}])/u;
/** The same, where the end of the window (the match itself) counts as what follows. */
const SENTENCE_ENDS = /(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Mt|No|vs|etc|e\.g|i\.e|\p{Lu}))[.!?]\s+(?=[\p{Lu}\p{N}]|$)/gu;

/** Offset just after the last sentence end in `window`, or -1. */
function lastSentenceEnd(window: string): number {
  let last = -1;
  for (const m of window.matchAll(SENTENCE_ENDS)) last = m.index + m[0].length;
  return last;
}

/** The lower-cased words of a value around a match, nearest first on neither side in particular. */
export function wordsAround(text: string, start: number, end: number): string[] {
  // The whole value (a cell holding just an email): no words around.
  if (start === 0 && end === text.length) return [];
  let from = Math.max(0, start - WINDOW_BEFORE);
  let window = text.slice(from, start);
  // Context stays within the sentence: "…the build failed. March 5, 2024 is the cut-off."
  const boundary = lastSentenceEnd(window);
  if (boundary >= 0) {
    from += boundary;
    window = window.slice(boundary);
  }
  const before = window.toLowerCase().match(WORD) ?? [];
  // A window that starts mid-word would offer a fragment ("hone" of "phone"): drop it.
  if (from > 0 && boundary < 0 && before.length > 0 && /[\p{L}\p{N}]/u.test(text[from - 1] ?? "")) before.shift();
  let afterText = text.slice(end, end + WINDOW_AFTER);
  const afterBoundary = SENTENCE_END.exec(afterText);
  if (afterBoundary) afterText = afterText.slice(0, afterBoundary.index);
  const after = afterText.toLowerCase().match(WORD) ?? [];
  return [...before.slice(-WORDS_BEFORE), ...after.slice(0, WORDS_AFTER)];
}

const fieldWordsCache = new Map<string, string[]>();

/**
 * The words of a column or JSON key: `customerPhoneNumber`, `customer_phone-number` and
 * `payload.customer.phone` all give customer, phone, number/phone. Cached: a file has few field names.
 */
export function fieldNameWords(fieldName: string | undefined): string[] {
  if (!fieldName) return [];
  let words = fieldWordsCache.get(fieldName);
  if (words === undefined) {
    const spaced = fieldName.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
    words = spaced.toLowerCase().match(/\p{L}+/gu) ?? [];
    if (fieldWordsCache.size > 10_000) fieldWordsCache.clear();
    fieldWordsCache.set(fieldName, words);
  }
  return words;
}

/** True when one of `words` is a context word: equal, or for context words of 4+ letters, a prefix of it. */
export function hasContextWord(words: readonly string[], contextWords: readonly string[]): boolean {
  for (const word of words) {
    for (const context of contextWords) {
      if (word === context || (context.length >= 4 && word.startsWith(context))) return true;
    }
  }
  return false;
}

/** A base score raised by supportive words and lowered by negative ones, kept within [0, 1]. */
export function scoreWithContext(
  score: number,
  words: readonly string[],
  context: readonly string[],
  negativeContext: readonly string[],
): number {
  let result = score;
  if (context.length > 0 && hasContextWord(words, context)) result = Math.max(result + CONTEXT_BOOST, MIN_SCORE_WITH_CONTEXT);
  if (negativeContext.length > 0 && hasContextWord(words, negativeContext)) result -= CONTEXT_BOOST;
  return Math.min(1, Math.max(0, Math.round(result * 100) / 100));
}
