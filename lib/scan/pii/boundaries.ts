const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

/** Letters, digits and '_', ASCII or not: what continues an identifier. NaN (outside the text) is not. */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  // Surrogates (emoji and other astral characters) are not tested: a lone half is no letter.
  return code < 0xd800 || code > 0xdfff ? NON_ASCII_WORD.test(String.fromCharCode(code)) : false;
}

/** Joiners that glue parts of one identifier together: ORD-2024-000123, build_2024, v1.2.3.4, a/b. */
function isJoiner(code: number): boolean {
  return code === 45 /* - */ || code === 95 /* _ */ || code === 46 /* . */ || code === 47 /* / */;
}

/**
 * True when text[start, end) is only a piece of a longer token: an order number (ORD-2024-000123),
 * a hash or UUID (…-446655440000), a version (v1.2.3.4, 1.2.3.4-beta), a path. Numeric recognizers
 * refuse such pieces; that one rule removes most decoys that otherwise pass their checksums.
 */
export function isInsideIdentifier(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : NaN;
  if (isWordChar(before)) return true;
  if (isJoiner(before) && start > 1 && isWordChar(text.charCodeAt(start - 2))) return true;
  const after = end < text.length ? text.charCodeAt(end) : NaN;
  if (isWordChar(after)) return true;
  if ((isJoiner(after) || after === 43 /* + (semver build) */) && end + 1 < text.length && isWordChar(text.charCodeAt(end + 1))) return true;
  return false;
}

/** The digits of a string, without separators. */
export function digitsOf(text: string): string {
  let digits = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
  }
  return digits;
}
