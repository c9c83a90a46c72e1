import type { TextProfile } from "./types.ts";

/**
 * Counts, in one pass over the UTF-16 units, what recognizers need to skip a value cheaply:
 * no '@' means no email, fewer than 9 digits means no SSN, and so on.
 * Runs in O(n) with no allocation besides the result.
 */
export function profileText(text: string): TextProfile {
  let digits = 0;
  let upper = 0;
  let letters = 0;
  let at = 0;
  let colons = 0;
  let dots = 0;
  let slashes = 0;
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 65 && c <= 90) {
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
  return { length: text.length, digits, upper, letters, at, colons, dots, slashes, astral };
}
