import { isWordChar } from "../boundaries.ts";
import { CoveredOffsets } from "../covered-offsets.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio UrlRecognizer: "Standard Url" (with scheme) 0.6, "Non schema URL" 0.5, both over a long TLD list
// from CommonRegex. We keep the scores; for bare domains we use a shorter TLD list that leaves out TLDs that
// are also common file extensions (py, sh, md, rs, pl, js, ts, in, info, zip, mov…), so "setup.py" is not a URL, and we
// want the TLD in lower case, so "ASP.NET" is not one either.
const SCHEME_SCORE = 0.6;
const BARE_SCORE = 0.5;

const TLDS = [
  "com", "net", "org", "edu", "gov", "mil", "int", "biz", "io", "co", "ai", "app", "dev", "me", "tv", "xyz",
  "online", "site", "shop", "store", "tech", "cloud", "blog", "news", "us", "uk", "de", "fr", "es", "it", "nl", "be",
  "ch", "at", "se", "no", "dk", "fi", "ie", "eu", "ru", "cn", "jp", "kr", "au", "nz", "ca", "br", "mx", "ar",
  "cl", "za", "pt", "cz", "gr", "hu", "ro", "tr", "il", "sg", "hk", "tw", "ua", "lu",
];
const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const REST = "(?:[/?#][^\\s<>\"'`]*)?";
const SCHEME_URL = new RegExp(`\\b(?:https?|ftp)://[^\\s<>"'\`]+`, "gi");
// ASCII classes only, for speed; a non-ASCII letter glued to either end is refused after the match.
const BARE_URL = new RegExp(`(?<![A-Za-z0-9@._/:-])(?:${HOST_LABEL}\\.)+(?:${TLDS.join("|")})(?::\\d{2,5})?(?![A-Za-z0-9@_-])${REST}`, "g");
/** A dot between a letter or digit and two lower-case letters: what every bare domain has. */
const BARE_MARKER = /[A-Za-z0-9]\.[a-z]{2}/;
/** Sentence punctuation that may follow a URL: . , ; : ! ? ' " ) ] } > */
const TRAILING_PUNCTUATION = new Set([46, 44, 59, 58, 33, 63, 39, 34, 41, 93, 125, 62]);

export const urlRecognizer = defineRecognizer({
  entity: "URL",
  context: ["url", "website", "link", "site", "homepage", "web"],
  mayContain: (p) => p.dots > 0 && p.letters >= 4,
  find(text) {
    const spans: RawSpan[] = [];
    const withScheme = new CoveredOffsets(text.length);
    for (const match of text.matchAll(SCHEME_URL)) {
      const value = trimUrl(match[0]);
      if (!hasDomainHost(value)) continue;
      spans.push({ start: match.index, end: match.index + value.length, score: SCHEME_SCORE });
      withScheme.add(match.index, match.index + value.length);
    }
    for (const match of BARE_MARKER.test(text) ? text.matchAll(BARE_URL) : []) {
      const start = match.index;
      if (isWordChar(text.charCodeAt(start - 1)) || isWordChar(text.charCodeAt(start + match[0].length))) continue;
      // Inside a URL with a scheme already found (the host after "://"): skip.
      if (withScheme.covers(start)) continue;
      const value = trimUrl(match[0]);
      spans.push({ start, end: start + value.length, score: BARE_SCORE });
    }
    return spans;
  },
});

/**
 * Drops sentence punctuation after a URL, but keeps a ')' that closes a '(' inside it (Wikipedia links).
 * A scan back from the end: the regex /[.,…]+$/ retried at every dot of "http://a....a" was O(n²).
 */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(url.charCodeAt(end - 1))) end--;
  let value = url.slice(0, end);
  const trimmed = url.slice(end);
  if (trimmed.startsWith(")") && count(value, "(") > count(value, ")")) value += ")";
  return value;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** The URL parses and names a dotted host with a letter TLD, or an IP address, or localhost. */
function hasDomainHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || /\.[a-z]{2,63}$/i.test(host) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
}
