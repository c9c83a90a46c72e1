import type { Recognizer } from "../types.ts";

/** [matched text, score] of each span a recognizer reports, for compact assertions in tests. */
export function matches(recognizer: Recognizer, text: string, fieldName?: string): [string, number][] {
  const chars = [...text];
  return recognizer.detect(text, { fieldName }).map((s) => [chars.slice(s.start, s.end).join(""), s.score]);
}

/** Just the matched texts. */
export function texts(recognizer: Recognizer, text: string, fieldName?: string): string[] {
  return matches(recognizer, text, fieldName).map(([t]) => t);
}
