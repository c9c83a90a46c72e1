import { allLocales, type LocaleDefinition } from "@faker-js/faker";

// PERSON and LOCATION have no NER model offline (Presidio uses spaCy's). We use word lists instead: first
// names, last names, cities, states, counties and countries from @faker-js/faker's locale definitions (its
// public, MIT-licensed data, https://github.com/faker-js/faker/tree/next/src/locales), Latin script only,
// and English common words from the same package to mark names that are also ordinary words ("Will",
// "Hope", "Brown"). Built once, on first use, into Sets: ~17k first names, ~13k last names, ~13k places.

export interface Gazetteer {
  firstNames: ReadonlySet<string>;
  lastNames: ReadonlySet<string>;
  /** Countries, states, counties and continents: rarely anything but places. */
  regions: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  /** Lower-cased English common words (faker's en word lists) plus function words and calendar names. */
  commonWords: ReadonlySet<string>;
  streetSuffixes: ReadonlySet<string>;
  /** For each first word of a place name, the most words a place starting with it has ("New" → 4). */
  placeStarts: ReadonlyMap<string, number>;
}

/** Locales left out: en_BORK is mock-Swedish nonsense; en_AU_ocker duplicates en_AU with slang. */
const SKIPPED_LOCALES = new Set(["en_BORK", "en_AU_ocker", "base"]);
const LATIN = /^[\p{Script=Latin}\p{M}' .’-]+$/u;

// Words that start English sentences or headings and happen to be someone's name or a town somewhere.
const FUNCTION_WORDS = `a an the this that these those it its if in on at to of for from by with and or but nor not no yes
  so as is are was were be been being am do does did done has have had can could will would shall should may might must
  he she we they you i me my our your his her their them us who whom whose what which when where why how all any each
  every some many much more most other such only own same than too very just also here there then now new old first last
  next see note please use using used make made get got set let put say said read write run go going gone come came
  january february march april may june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday north south east west central upper lower great little big long short high low
  mr mrs ms dr prof sir st mt fort port lake mount saint san santa university college school street avenue road
  section chapter table figure version license copyright package file files data system user users program support
  debian linux gnu windows apple google microsoft amazon`
  .split(/\s+/)
  .filter((w) => w !== "");

let gazetteer: Gazetteer | undefined;

/** The word lists, built on first call (about 50 ms) and kept for the process. */
export function getGazetteer(): Gazetteer {
  gazetteer ??= buildGazetteer();
  return gazetteer;
}

function buildGazetteer(): Gazetteer {
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const regions = new Set<string>();
  const cities = new Set<string>();
  const streetSuffixes = new Set<string>();
  const commonWords = new Set<string>(FUNCTION_WORDS);
  for (const [code, locale] of Object.entries(allLocales) as [string, LocaleDefinition][]) {
    if (SKIPPED_LOCALES.has(code)) continue;
    const person = locale.person;
    const location = locale.location;
    for (const name of entries(person?.first_name)) addLatin(firstNames, name);
    for (const name of entries(person?.last_name)) addLatin(lastNames, name);
    for (const place of [...entries(location?.country), ...entries(location?.state), ...entries(location?.county), ...entries(location?.continent)]) {
      addLatin(regions, place);
    }
    for (const city of entries(location?.city_name)) addLatin(cities, city);
    for (const suffix of [...entries(location?.street_suffix), ...entries((location as { street_prefix?: unknown } | undefined)?.street_prefix)]) {
      addLatin(streetSuffixes, suffix);
    }
  }
  const word = allLocales.en.word;
  for (const list of [word?.adjective, word?.adverb, word?.conjunction, word?.interjection, word?.noun, word?.preposition, word?.verb]) {
    for (const w of list ?? []) commonWords.add(w.toLowerCase());
  }
  const placeStarts = new Map<string, number>();
  for (const place of [...regions, ...cities]) {
    const words = place.split(" ");
    placeStarts.set(words[0]!, Math.max(placeStarts.get(words[0]!) ?? 0, Math.min(words.length, 6)));
  }
  return { firstNames, lastNames, regions, cities, commonWords, streetSuffixes, placeStarts };
}

/** Locale entries are arrays, or objects of arrays by sex ({ generic, female, male }). */
function entries(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (value && typeof value === "object") return Object.values(value).flatMap(entries);
  return [];
}

function addLatin(set: Set<string>, value: string): void {
  const trimmed = value.trim();
  // Faker patterns ("{{person.last_name}}") and single letters are not names.
  if (trimmed.length < 2 || trimmed.includes("{") || !LATIN.test(trimmed)) return;
  set.add(trimmed);
  // "İstanbul" and "Istanbul", "Bogotá" and "Bogota": the unaccented spelling is looked up too.
  const folded = foldAccents(trimmed);
  if (folded !== trimmed) set.add(folded);
}

/** Latin letters without their diacritics: "İstanbul" → "Istanbul", "Seán" → "Sean". */
export function foldAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i").replace(/ł/g, "l").replace(/Ł/g, "L").replace(/ø/g, "o").replace(/Ø/g, "O").replace(/ß/g, "ss") : text;
}
