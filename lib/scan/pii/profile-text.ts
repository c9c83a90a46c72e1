import type { TextProfile } from "./types.ts";

/**
 * Counts, in one pass over the UTF-16 units, what recognizers need to skip a value cheaply:
 * no '@' means no email, fewer than 9 digits means no SSN, and so on.
 * Runs in O(n) with no allocation besides the result.
 */
export function profileText(text: string): TextProfile {
  let digits = 0;
  let run = 0;
  let numberRun = 0;
  let upper = 0;
  let letters = 0;
  let at = 0;
  let colons = 0;
  let dots = 0;
  let slashes = 0;
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (++run > numberRun) numberRun = run;
      continue;
    }
    if (!isNumberJoiner(c)) run = 0;
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c === 64) at++;
    else if (c === 58) colons++;
    else if (c === 46) dots++;
    else if (c === 47) slashes++;
    else if (c >= 0xc0) {
      if (c >= 0xd800 && c <= 0xdfff) astral = true;
      else {
        // Non-ASCII letters (É, Ł, ß, Ж…) count as letters and, to keep the prefilter permissive, as possible capitals.
        letters++;
        upper++;
      }
    }
  }
  return { length: text.length, digits, numberRun, upper, letters, at, colons, dots, slashes, astral };
}

/** Whitespace (as `\s` has it) and the punctuation written between digit groups: "+44 (0)20 7946-0958", "536.22.1457", "030/123". */
function isNumberJoiner(c: number): boolean {
  if (c < 128) return c === 32 || c === 45 || c === 46 || c === 47 || c === 40 || c === 41 || c === 43 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
