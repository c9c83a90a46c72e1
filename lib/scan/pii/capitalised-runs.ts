/** A word of a value with its UTF-16 offsets. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  capitalised: boolean;
  /** An initial or a title followed by a dot ("J.", "Dr."): `end` includes the dot. */
  dotted: boolean;
}

/** Lower-case particles inside names and place names: "Ludwig van Beethoven", "Rio de Janeiro". */
export const CONNECTORS = new Set(["van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "al", "bin", "ibn", "y", "of", "upon", "on", "am", "an", "im", "sur", "les", "do", "dos", "das"]);

/** Titles before names; followed by a dot they still join the run ("Dr. Anna Weber"). */
export const TITLES = new Set(["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev", "Herr", "Frau", "Mme", "Mlle", "Sr", "Sra", "Dott"]);

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && (c < 0xd800 || c > 0xdfff) && NON_ASCII_LETTER.test(String.fromCharCode(c));
}

/** Inside a word: letters, combining marks, apostrophes and hyphens. */
function isWordPart(c: number): boolean {
  return isLetter(c) || c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 45 /* - */;
}

function isTrailingPunctuation(c: number): boolean {
  return c === 39 /* ' */ || c === 0x2019 /* ’ */ || c === 45 /* - */;
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return NON_ASCII_UPPER.test(String.fromCharCode(c));
}

let cachedText: string | undefined;
let cachedRuns: Word[][] = [];

/**
 * Runs of capitalised words separated by single spaces (lower-case particles allowed inside), the raw
 * material of the PERSON and LOCATION heuristics. One pass over the characters; lower-case words outside
 * a run allocate nothing. The last result is cached: both recognizers ask for the same value in turn.
 */
export function capitalisedRuns(text: string): Word[][] {
  if (text === cachedText) return cachedRuns;
  const runs: Word[][] = [];
  let run: Word[] = [];
  let pendingConnectors: Word[] = [];
  let previousEnd = -1;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < length && isWordPart(text.charCodeAt(i))) i++;
    let end = i;
    const capitalised = isUpper(c);
    const joined = previousEnd >= 0 && start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32;
    previousEnd = end;
    if (!capitalised && (run.length === 0 || !joined || end - start > 5)) {
      // An ordinary lower-case word: it ends any run.
      if (run.length > 0) runs.push(run);
      if (run.length > 0 || pendingConnectors.length > 0) {
        run = [];
        pendingConnectors = [];
      }
      continue;
    }
    // "Mariani's" is the name Mariani; trailing hyphens and apostrophes are punctuation.
    let value = text.slice(start, end);
    if (value.length > 2 && (value.endsWith("'s") || value.endsWith("’s"))) value = value.slice(0, -2);
    // A scan back, not /['’-]+$/, which retried at every hyphen of "A-----…-b": O(n²) in the word's length.
    let kept = value.length;
    while (kept > 0 && isTrailingPunctuation(value.charCodeAt(kept - 1))) kept--;
    value = value.slice(0, kept);
    end = start + value.length;
    const dotted = capitalised && text.charCodeAt(end) === 46 && (value.length === 1 || TITLES.has(value));
    if (dotted) {
      end++;
      value += ".";
    }
    previousEnd = end;
    const word: Word = { text: value, start, end, capitalised, dotted };
    if (capitalised) {
      if (run.length > 0 && joined) {
        if (pendingConnectors.length > 0) run.push(...pendingConnectors);
        run.push(word);
      } else {
        if (run.length > 0) runs.push(run);
        run = [word];
      }
      pendingConnectors = [];
    } else if (CONNECTORS.has(value) && pendingConnectors.length < 2) {
      pendingConnectors.push(word);
    } else {
      runs.push(run);
      run = [];
      pendingConnectors = [];
    }
  }
  if (run.length > 0) runs.push(run);
  cachedText = text;
  cachedRuns = runs;
  return runs;
}
