import { capitalisedRuns, type Word } from "../capitalised-runs.ts";
import { isWordChar } from "../boundaries.ts";
import { fieldNameWords } from "../context.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import { foldAccents, getGazetteer, type Gazetteer } from "../gazetteer.ts";
import type { RawSpan } from "../types.ts";

// Presidio finds LOCATION with spaCy's NER (GPE, LOC, FAC); offline, we look capitalised word sequences up
// in faker's place lists (gazetteer.ts) and match street addresses by shape:
// - countries, states, counties, continents: 0.6 (0.4 when the word is also a name or a common word:
//   "Georgia", "Jordan", "Chad"); multi-word city names: 0.6; one-word cities 0.5 (0.3 if also a name,
//   none if shorter than 4 letters or a common English word: "As", "Many");
//   context ("in", "from", "city", "address"…) adds 0.35.
// - "221B Baker Street", "Hauptstraße 5", "12 rue de la Paix": 0.7.
// - A value that is wholly capitalised words in a column named city, country…: 0.5; any value of an address
//   column: 0.65.
// It misses places outside faker's lists (most small towns), lower-case spellings, and non-Latin scripts.
const REGION_SCORE = 0.6;
const AMBIGUOUS_REGION_SCORE = 0.4;
const MULTI_WORD_CITY_SCORE = 0.6;
const CITY_SCORE = 0.5;
const AMBIGUOUS_CITY_SCORE = 0.3;
const STREET_SCORE = 0.7;
const COLUMN_VALUE_SCORE = 0.5;
/** A whole value of an address column outranks the street or city spans inside it. */
const ADDRESS_COLUMN_VALUE_SCORE = 0.65;

const PLACE_FIELDS = new Set(["city", "town", "country", "state", "address", "location", "region", "province", "county", "street", "place", "birthplace", "residence", "hometown", "municipality", "locality", "village", "destination", "origin", "addr", "district", "suburb"]);
const ADDRESS_FIELDS = new Set(["address", "street", "addr", "residence"]);
const STREET_ABBREVIATIONS = ["St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Pl", "Sq", "Hwy", "Pkwy", "Cir", "Ter", "Way"];
const FRENCH_STREET = /(?<![\p{L}\p{N}])\d{1,4}(?: ?(?:bis|ter))?,? (?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Pp]assage)(?: (?:de|du|des|la|le|l['’]|d['’]))*(?: ?\p{Lu}[\p{L}\p{M}'’-]*)(?: (?:de|du|des|la|le)?\s?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
// The street name is bounded at 64 letters: "A-A-A-…" offers a start at every capital, and `*` rescanned the run.
const GERMAN_STREET = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}-]{0,63}(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer)(?: \d{1,4}[a-z]?)(?![\p{L}\p{N}])/gu;

let streetSuffixes: Set<string> | undefined;

/** Street suffixes, one capitalised word each: faker's (Avenue, Street, Way…) and their abbreviations. */
function suffixesOf(g: Gazetteer): Set<string> {
  streetSuffixes ??= new Set([...g.streetSuffixes].filter((s) => /^\p{Lu}\p{Ll}+$/u.test(s)).concat(STREET_ABBREVIATIONS));
  return streetSuffixes;
}

const NAME_MARKER = /[A-Z][a-z]|[^\x00-\x7f]/;
/** A value that is one email address or URL and nothing else ("Kody.Smith@example.com"). */
const MAILBOX_OR_URL = /^[^\s]*(?:@|:\/\/)[^\s]*$/;
const STREET_NUMBER = /(?<![A-Za-z0-9])\d{1,5}[A-Za-z]? (?=[A-Z])/g;
const STREET_WORD = /^[A-Z][A-Za-z'’-]*/;
const DIRECTIONS = new Set(["N", "S", "E", "W", "North", "South", "East", "West"]);
const UNIT = /^,? (?:Apt\.?|Suite|Unit|#) ?\d+[A-Za-z]?/;

/**
 * "221B Baker Street", "500 N. Main St., Apt 4": a house number, up to three capitalised words, then a street
 * suffix. Found by walking words after each house number, which is much cheaper than one big alternation.
 */
function englishStreets(text: string, g: Gazetteer, spans: RawSpan[]): void {
  const suffixes = suffixesOf(g);
  for (const m of text.matchAll(STREET_NUMBER)) {
    let at = m.index + m[0].length;
    let names = 0;
    for (let k = 0; k < 5; k++) {
      const word = STREET_WORD.exec(text.slice(at, at + 40))?.[0];
      if (!word) break;
      let end = at + word.length;
      if (text[end] === ".") end++;
      if (names > 0 && suffixes.has(word) && !isWordChar(text.charCodeAt(end))) {
        const unit = UNIT.exec(text.slice(end, end + 16));
        spans.push({ start: m.index, end: end + (unit ? unit[0].length : 0), score: STREET_SCORE });
        break;
      }
      if (!(k === 0 && DIRECTIONS.has(word))) names++;
      if (names > 3 || text[end] !== " ") break;
      at = end + 1;
    }
  }
}

export const locationRecognizer = defineRecognizer({
  entity: "LOCATION",
  context: ["in", "from", "at", "near", "city", "town", "country", "address", "located", "lives", "live", "living", "born", "visit", "visited", "moved", "based", "state", "region", "street", "travel", "trip", "headquartered", "residence", "to", "location"],
  negativeContext: ["mr", "mrs", "ms", "dr", "dear"],
  mayContain: (p) => p.upper > 0 && p.letters >= 2,
  find(text, options) {
    const g = getGazetteer();
    const spans: RawSpan[] = [];
    const columnSpan = placeColumnValue(text, options.fieldName);
    if (columnSpan) spans.push(columnSpan);
    // Each street shape runs only if its cheap marker is there: "12 Main", "Hauptstraße 5", "12 rue".
    if (/\d/.test(text)) {
      if (/\d[A-Za-z]? [A-Z]/.test(text)) englishStreets(text, g, spans);
      const patterns = [
        /(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer) \d/.test(text) ? GERMAN_STREET : undefined,
        /\d,? (?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Pp]assage) /.test(text) ? FRENCH_STREET : undefined,
      ];
      for (const pattern of patterns) {
        if (!pattern) continue;
        for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length, score: STREET_SCORE });
      }
    }
    // Place names need a capital followed by a lower-case letter, or a non-ASCII letter.
    if (NAME_MARKER.test(text) && !MAILBOX_OR_URL.test(text)) for (const run of capitalisedRuns(text)) findInRun(run, g, spans);
    return spans;
  },
});

function placeColumnValue(text: string, fieldName: string | undefined): RawSpan | undefined {
  const words = fieldNameWords(fieldName);
  if (!words.some((w) => PLACE_FIELDS.has(w)) || words.some((w) => w === "email" || w === "ip" || w === "url" || w === "web")) return undefined;
  const value = text.trim();
  if (value.length < 2 || value.length > 200) return undefined;
  const address = words.some((w) => ADDRESS_FIELDS.has(w));
  if (address ? !/\p{L}{2}/u.test(value) : !/^\p{Lu}[\p{L}\p{M}'’.-]*(?:[ ,-]+[\p{L}\p{M}'’.-]+){0,5}$/u.test(value)) return undefined;
  const start = text.indexOf(value);
  return { start, end: start + value.length, score: address ? ADDRESS_COLUMN_VALUE_SCORE : COLUMN_VALUE_SCORE };
}

function findInRun(run: readonly Word[], g: Gazetteer, spans: RawSpan[]): void {
  let i = 0;
  while (i < run.length) {
    let matched = 0;
    const first = run[i]!;
    const longest = first.capitalised ? (g.placeStarts.get(first.text) ?? g.placeStarts.get(foldAccents(first.text)) ?? 0) : 0;
    if (longest > 0) {
      for (let n = Math.min(longest, run.length - i); n >= 1; n--) {
        const last = run[i + n - 1]!;
        if (!last.capitalised) continue;
        const phrase = n === 1 ? run[i]!.text : run.slice(i, i + n).map((w) => w.text).join(" ");
        const score = placeScore(phrase, n, g);
        if (score !== undefined) {
          spans.push({ start: run[i]!.start, end: last.end, score });
          matched = n;
          break;
        }
      }
    }
    i += matched || 1;
  }
}

function placeScore(phrase: string, words: number, g: Gazetteer): number | undefined {
  // "As", "Many", "Time" are towns somewhere; as words they are far more common. Context cannot lift them.
  if (words === 1 && phrase.length < 4) return undefined;
  if (words === 1 && g.commonWords.has(phrase.toLowerCase())) return g.regions.has(phrase) ? AMBIGUOUS_REGION_SCORE : undefined;
  const ambiguous = words === 1 && (g.firstNames.has(phrase) || g.lastNames.has(phrase));
  if (g.regions.has(phrase) || g.regions.has(foldAccents(phrase))) return ambiguous ? AMBIGUOUS_REGION_SCORE : REGION_SCORE;
  if (g.cities.has(phrase) || g.cities.has(foldAccents(phrase))) return words > 1 ? MULTI_WORD_CITY_SCORE : ambiguous ? AMBIGUOUS_CITY_SCORE : CITY_SCORE;
  return undefined;
}
