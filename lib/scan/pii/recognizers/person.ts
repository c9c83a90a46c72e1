import { capitalisedRuns, TITLES, type Word } from "../capitalised-runs.ts";
import { fieldNameWords } from "../context.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import { getGazetteer, type Gazetteer } from "../gazetteer.ts";
import type { RawSpan } from "../types.ts";

// Presidio finds PERSON with spaCy's statistical NER; offline we have no model, so this is a heuristic
// over word lists (gazetteer.ts), honest about its limits:
// - "Name Surname <mailbox@example.org>": 0.7; an unknown given name before a known last name: 0.5.
// - "First Last" where First is a known first name and Last a known last name: 0.85; Last unknown but
//   capitalised and not a common English word: 0.6, or 0.45 inside a longer capitalised run (Title Case).
// - A title ("Dr.", "Mrs") before capitalised words: 0.8; "Last, First": 0.7; a known first name alone:
//   0.3 (needs context: "Dear Anna", a first_name column).
// - A value that is wholly one to four capitalised words, in a column whose name says person (name,
//   first_name, customer, author…), is a PERSON at 0.5 before context (the column name adds 0.35).
// It misses names outside faker's lists when no column or title helps, lower-case or ALL-CAPS names, and
// non-Latin scripts; it fires on Title Case phrases that start with a first name ("Julia Programming").
const FULL_NAME_SCORE = 0.85;
const TITLED_SCORE = 0.8;
const INVERTED_SCORE = 0.7;
const PARTIAL_NAME_SCORE = 0.6;
const TITLE_CASE_SCORE = 0.45;
const UNKNOWN_FIRST_SCORE = 0.5;
const MAILBOX_SCORE = 0.7;
const COLUMN_VALUE_SCORE = 0.5;
const FIRST_NAME_ONLY_SCORE = 0.3;

const PERSON_FIELDS = new Set(["name", "names", "fullname", "firstname", "lastname", "first", "last", "surname", "forename", "given", "family", "middle", "customer", "patient", "person", "contact", "author", "owner", "employee", "manager", "recipient", "sender", "signatory", "maintainer", "assignee", "reporter", "client", "beneficiary", "holder", "cardholder", "payee", "guardian", "spouse", "passenger", "student", "teacher", "doctor", "nurse"]);
const NOT_PERSON_FIELDS = new Set(["product", "company", "file", "filename", "city", "country", "street", "place", "item", "brand", "team", "org", "organisation", "organization", "business", "host", "hostname", "domain", "app", "project", "dataset", "model", "column", "table", "bucket", "job", "queue", "event", "category", "tag", "username", "user", "login", "email", "display", "device", "service", "package", "state", "region", "store", "shop", "merchant", "bank", "school", "hospital", "street", "address"]);
const NAME_MARKER = /[A-Z][a-z]|[^\x00-\x7f]/;
/** A value that is one email address or URL and nothing else ("Kody.Smith@example.com"). */
const MAILBOX_OR_URL = /^[^\s]*(?:@|:\/\/)[^\s]*$/;
const COLUMN_VALUE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?: (?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|da|di|del|du|la|le|al|bin)){0,3}$/u;
// "Guillem Jover <guillem@debian.org>": the display name of a mailbox (RFC 5322 name-addr).
// Quantifiers are bounded (64-letter words, RFC 5321's 64-octet local part and 255-octet domain) so that
// each start costs O(1): "A.A.A.A.…" offers a start at every capital, and `*` rescanned the run from each.
const MAILBOX = /(?<![\p{L}])(\p{Lu}[\p{L}\p{M}'’.-]{0,63}(?: (?:\p{Lu}[\p{L}\p{M}'’.-]{0,63}|van|von|de|der|da|di|del|du|la|le)){1,3}) <[^<>@\s]{1,64}@[^<>\s]{1,255}>/gu;
const INVERTED = /(?<![\p{L}])(\p{Lu}[\p{Ll}\p{M}'’-]+), (\p{Lu}[\p{Ll}\p{M}'’-]+)(?![\p{L}])/gu;

export const personRecognizer = defineRecognizer({
  entity: "PERSON",
  context: ["name", "names", "mr", "mrs", "ms", "dr", "dear", "hi", "hello", "author", "contact", "customer", "patient", "client", "employee", "signed", "sincerely", "regards", "thanks", "met", "said", "wrote", "told", "asked", "named", "person", "manager", "owner", "maintainer", "by", "surname", "firstname", "lastname"],
  negativeContext: ["inc", "ltd", "llc", "gmbh", "corp", "company", "street", "avenue", "road", "university", "foundation", "project", "library", "language"],
  mayContain: (p) => p.upper > 0 && p.letters >= 2,
  find(text, options) {
    const g = getGazetteer();
    const spans: RawSpan[] = [];
    const columnSpan = personColumnValue(text, options.fieldName, g);
    if (columnSpan) spans.push(columnSpan);
    // Names need a capital followed by a lower-case letter, or a non-ASCII letter ("GB82WEST…" has neither).
    if (!NAME_MARKER.test(text) || MAILBOX_OR_URL.test(text)) return spans;
    for (const run of capitalisedRuns(text)) findInRun(run, g, spans);
    if (text.includes("<")) {
      for (const m of text.matchAll(MAILBOX)) {
        const name = m[1]!;
        spans.push({ start: m.index, end: m.index + name.length, score: MAILBOX_SCORE });
      }
    }
    if (text.includes(", ")) {
      for (const m of text.matchAll(INVERTED)) {
        const [, last, first] = m as unknown as [string, string, string];
        // "Paris, France" is a place, not "France Paris".
        if (isPlace(last, g) || isPlace(first, g)) continue;
        if (g.lastNames.has(last) && isFirstName(first, g) && !g.commonWords.has(last.toLowerCase())) {
          spans.push({ start: m.index, end: m.index + m[0].length, score: INVERTED_SCORE });
        }
      }
    }
    return spans;
  },
});

function personColumnValue(text: string, fieldName: string | undefined, g: Gazetteer): RawSpan | undefined {
  const words = fieldNameWords(fieldName);
  if (!words.some((w) => PERSON_FIELDS.has(w)) || words.some((w) => NOT_PERSON_FIELDS.has(w))) return undefined;
  const value = text.trim();
  if (value.length < 2 || value.length > 80 || !COLUMN_VALUE.test(value)) return undefined;
  // A column of "Yes"/"Active"/"Premium" is not a column of people.
  const parts = value.split(" ");
  if (parts.every((p) => g.commonWords.has(p.replace(/\.$/, "").toLowerCase()) && !g.firstNames.has(p) && !g.lastNames.has(p))) return undefined;
  const start = text.indexOf(value);
  return { start, end: start + value.length, score: COLUMN_VALUE_SCORE };
}

function findInRun(run: readonly Word[], g: Gazetteer, spans: RawSpan[]): void {
  let i = 0;
  while (i < run.length) {
    const word = run[i]!;
    const bare = word.text.replace(/\.$/, "");
    if (word.capitalised && TITLES.has(bare) && i + 1 < run.length) {
      const end = nameEnd(run, i + 1, g, true);
      if (end > i + 1) {
        spans.push({ start: run[i + 1]!.start, end: run[end - 1]!.end, score: TITLED_SCORE });
        i = end;
        continue;
      }
    }
    if (word.capitalised && !word.dotted && !isFirstName(word.text, g) && isUnknownCapitalised(word.text, g) && i + 1 < run.length) {
      // "Guillem Jover": an unknown given name before a known surname.
      const next = run[i + 1]!;
      const closesRun = i + 2 >= run.length || !run[i + 2]!.capitalised;
      if (next.capitalised && isLastName(next.text, g) && !g.commonWords.has(next.text.toLowerCase()) && closesRun && !isPlace(phraseOf(run, i, i + 2), g) && !isPlace(word.text, g)) {
        spans.push({ start: word.start, end: next.end, score: UNKNOWN_FIRST_SCORE });
        i += 2;
        continue;
      }
    }
    if (word.capitalised && !word.dotted && isFirstName(word.text, g)) {
      const end = nameEnd(run, i + 1, g, false);
      const ambiguous = g.commonWords.has(word.text.toLowerCase());
      if (end > i + 1) {
        const last = run[end - 1]!.text;
        const knownLast = isLastName(last, g);
        // Title Case phrases ("Julia Programming Language") go on after an unknown "surname": such a
        // span needs context ("Dear", "name") to be reported.
        const titleCase = !knownLast && end < run.length && run[end]!.capitalised;
        const phrase = phraseOf(run, i, end);
        // "Command Line Interface": a capitalised word before the first name also hints at Title Case.
        const afterCapitalised = !knownLast && i > 0 && run[i - 1]!.capitalised && !run[i - 1]!.dotted;
        if ((knownLast || !ambiguous) && !isPlace(phrase, g)) {
          const score = knownLast ? FULL_NAME_SCORE : titleCase || afterCapitalised ? TITLE_CASE_SCORE : PARTIAL_NAME_SCORE;
          spans.push({ start: word.start, end: run[end - 1]!.end, score });
          i = end;
          continue;
        }
      } else if (!ambiguous && run.length === 1 && !isPlace(word.text, g)) {
        spans.push({ start: word.start, end: word.end, score: FIRST_NAME_ONLY_SCORE });
      }
    }
    i++;
  }
}

/** Index after the name parts starting at `from`: initials, particles, middle names, a last name (at most 3). */
function nameEnd(run: readonly Word[], from: number, g: Gazetteer, titled: boolean): number {
  let end = from;
  let parts = 0;
  let j = from;
  while (j < run.length && parts < 3) {
    const word = run[j]!;
    if (word.dotted && word.text.length === 2) {
      j++;
      continue;
    }
    if (!word.capitalised) {
      j++;
      continue;
    }
    const surnameLike = isLastName(word.text, g) || isUnknownCapitalised(word.text, g) || (titled && parts === 0 && isFirstName(word.text, g));
    const middle = parts === 0 && isFirstName(word.text, g) && j + 1 < run.length && isLastName(run[j + 1]!.text, g);
    if (!surnameLike && !middle) break;
    parts++;
    j++;
    end = j;
  }
  return end;
}

function phraseOf(run: readonly Word[], from: number, to: number): string {
  return run
    .slice(from, to)
    .map((w) => w.text)
    .join(" ");
}

function isPlace(phrase: string, g: Gazetteer): boolean {
  return g.cities.has(phrase) || g.regions.has(phrase);
}

function isFirstName(text: string, g: Gazetteer): boolean {
  return g.firstNames.has(text) || (text.includes("-") && text.split("-").every((p) => g.firstNames.has(p)));
}

function isLastName(text: string, g: Gazetteer): boolean {
  return g.lastNames.has(text) || (text.includes("-") && text.split("-").every((p) => g.lastNames.has(p)));
}

/** Could be a surname we do not know: capitalised, mostly lower case, not a common word, title or region. */
function isUnknownCapitalised(text: string, g: Gazetteer): boolean {
  return (
    text.length >= 2 &&
    /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(text) &&
    !g.commonWords.has(text.toLowerCase()) &&
    !g.regions.has(text) &&
    !TITLES.has(text)
  );
}
