// Builds fixtures/pii-corpus.jsonl, the labelled evaluation corpus of lib/scan/pii (run once, output committed):
//   npx tsx scripts/build-pii-corpus.ts
// Base text: sentences of the README files of Debian packages under /usr/share/doc (real English prose,
// free licences; each record names its source file). Into them we insert labelled entities and unlabelled
// decoys. Entities come from sources independent of the detectors' word lists (faker):
// - PERSON: real people's names from the Copyright lines of /usr/share/doc/*/copyright;
// - LOCATION: city names of the tz database (/usr/share/zoneinfo) and ISO 3166-1 country names
//   (/usr/share/iso-codes); countries overlap faker's lists, cities less so;
// - structured values: generated from the numbering rules written out below (Luhn, mod 97, SSA ranges,
//   national phone plans), not with the libraries the detectors use.
// Base sentences with an '@', a URL, a bare domain, a run of 4+ digits or a list of 5+ capitalised words are
// left out, so that unlabelled personal data in the base text is rare. People named in the base text are
// labelled PERSON: those on the copyright-name list, and those we found by reading every pair of
// capitalised words in the base sentences (BASE_TEXT_PEOPLE, reviewed by hand, not by the detector).
// Records are split in two halves by a seeded shuffle: "dev" (looked at while tuning) and "test".
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { mulberry32 } from "../lib/numerics/index.ts";
import type { CorpusRecord, GoldSpan } from "../lib/scan/pii/evaluate.ts";

const DOC_DIR = "/usr/share/doc";
const OUTPUT = path.join(import.meta.dirname, "..", "fixtures", "pii-corpus.jsonl");
const RECORDS = 1200;
const SEED = 20261123;


/** The corpus labels every type but UK_NHS (optional, context-only). */
type EntityType = Exclude<GoldSpan["type"], "UK_NHS">;

// Seeded, so the corpus is the same on every run.
const random = mulberry32(SEED);
const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join("");
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[int(0, 15)]).join("");

// ---- base text -------------------------------------------------------------------------------------

function readDoc(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

function baseSentences(): { source: string; sentence: string }[] {
  const out: { source: string; sentence: string }[] = [];
  for (const pkg of readdirSync(DOC_DIR).sort()) {
    let files: string[];
    try {
      files = readdirSync(path.join(DOC_DIR, pkg)).filter((f) => /^README(?:\.md|\.Debian)?(?:\.gz)?$/.test(f));
    } catch {
      continue;
    }
    for (const file of files) {
      const full = path.join(DOC_DIR, pkg, file);
      if (!statSync(full).isFile()) continue;
      const prose = readDoc(full)
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, " ").trim())
        .filter((p) => /^[A-Z]/.test(p) && !/[|{}<>#*=`\\]/.test(p));
      for (const paragraph of prose) {
        for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
          if (sentence.length < 40 || sentence.length > 220 || !/[.!?]$/.test(sentence)) continue;
          if (/@|https?:|www\.|ftp\.|\d{4}|\.\w{2,4}\/|[^\x20-\x7e]/.test(sentence)) continue;
          // Bare domains ("vim.org") and name lists ("Mike Jetzer Pavel Jindra Brian …") stay out of the base text.
          if (/\b[\w-]+\.(?:com|org|net|edu|gov|io|de|uk)\b/i.test(sentence) || /(?:\b[A-Z][a-z]+ ){4}[A-Z][a-z]+/.test(sentence)) continue;
          if ((sentence.match(/[a-z]/g)?.length ?? 0) < sentence.length * 0.6) continue;
          out.push({ source: full, sentence });
        }
      }
    }
  }
  return out;
}

/** People named in the base sentences, found by reviewing their capitalised word pairs. */
const BASE_TEXT_PEOPLE = [
  "Aaron Campbell", "Alex Oliva", "Amir Karger", "Andreas Tobler", "Andrew Haley", "Bob Beck", "Christian Murphy", "Dug Song",
  "Federico Mena", "Gianni Mariani", "Jesper Skov", "Jim Blandy", "Junichi Aoe", "Kresten Krab", "Linus Torvalds", "Markus Friedl",
  "Michael Stone", "Niels Provos", "Phil Katz", "Theo de Raadt", "Tom Tromey",
];

/** PERSON spans (code points) of known people named in a base sentence. */
function labelBasePeople(sentence: string, people: readonly string[]): GoldSpan[] {
  const spans: GoldSpan[] = [];
  for (const name of people) {
    for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + name.length)) {
      const before = sentence[at - 1] ?? " ";
      const after = sentence[at + name.length] ?? " ";
      if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) continue;
      const start = [...sentence.slice(0, at)].length;
      if (!spans.some((s) => start < s.end && s.start < start + [...name].length)) spans.push({ type: "PERSON", start, end: start + [...name].length });
    }
  }
  return spans;
}

// ---- entity sources ------------------------------------------------------------------------------------

const ORGANISATION = /\b(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|Incorporated|Foundation|Project|Software|Systems|University|Universit|Team|Contributors|Authors|Developers|Technologies|Company|Group|Institute|Association|Consortium|Limited|Labs|Network|Networks|Microsystems|Enterprises|Solutions|Devices|Machines|Free|Red Hat|Google|Debian|Oracle|Apple|Microsoft|Canonical|Mozilla|Adobe|Intel|Sun|Research|Trust|Council|Computing|Architecture|Society|Center|Centre|Library|Laboratories|Sound|Tool|Unicode|Regents|Board|Trustees|Community|Linux|Open|Source|Internet|Digital|Communications|Media|Graphics|Support|Industries|Associates|Partners|Studio|Studios)\b/;

function personNames(): string[] {
  const names = new Set<string>();
  const pattern = /(?:Copyright|©|\([Cc]\))[\s:©()Cc]*(?:\d{4}(?:[-–,] ?\d{2,4})*,?\s+)+(\p{Lu}[\p{L}'-]+(?: (?:\p{Lu}\.|\p{Lu}[\p{L}'-]+|van|von|de|der)){1,3})(?=\s*(?:<|,|$|\(|\.|\s+and\b))/gmu;
  for (const pkg of readdirSync(DOC_DIR).sort()) {
    let text: string;
    try {
      text = readFileSync(path.join(DOC_DIR, pkg, "copyright"), "utf8");
    } catch {
      continue;
    }
    for (const m of text.matchAll(pattern)) {
      const name = m[1]!.replace(/\.$/, "");
      if (ORGANISATION.test(name) || /\b\p{Lu}{2,}\b/u.test(name) || !/^[\p{Script=Latin}' .-]+$/u.test(name)) continue;
      names.add(name);
    }
  }
  return [...names].sort();
}

function places(): { cities: string[]; countries: string[] } {
  const cities = new Set<string>();
  for (const region of ["Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"]) {
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/^[A-Z][A-Za-z_]+$/.test(entry) && !/^(?:GMT|UTC|UCT|Zulu|Universal)/.test(entry)) cities.add(entry.replace(/_/g, " "));
      }
    };
    walk(path.join("/usr/share/zoneinfo", region));
  }
  const iso = JSON.parse(readFileSync("/usr/share/iso-codes/json/iso_3166-1.json", "utf8")) as { "3166-1": { name: string; common_name?: string }[] };
  const countries = iso["3166-1"].map((c) => c.common_name ?? c.name).filter((n) => /^[A-Z][A-Za-z .'-]+$/.test(n) && !n.includes(","));
  return { cities: [...cities].sort(), countries: countries.sort() };
}

// ---- structured values, by hand from the numbering rules ------------------------------------------

function luhnComplete(prefix: string, length: number): string {
  let body = prefix + digits(length - prefix.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function creditCard(): string {
  const kind = pick(["visa", "visa", "mastercard", "mastercard2", "amex", "discover"]);
  const number =
    kind === "visa" ? luhnComplete("4", 16) : kind === "mastercard" ? luhnComplete(String(int(51, 55)), 16) : kind === "mastercard2" ? luhnComplete(String(int(2221, 2720)), 16) : kind === "amex" ? luhnComplete(pick(["34", "37"]), 15) : luhnComplete("6011", 16);
  const style = int(0, 2);
  if (kind === "amex") return style === 0 ? number : `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}`;
  const groups = number.match(/\d{4}/g)!;
  return style === 0 ? number : groups.join(style === 1 ? " " : "-");
}

/** A 16-digit number whose Luhn check fails (a decoy). */
function luhnFailing(): string {
  const valid = luhnComplete("4", 16);
  return valid.slice(0, 15) + String((Number(valid[15]) + int(1, 9)) % 10);
}

function mod97(text: string): number {
  let r = 0;
  for (const ch of text) {
    const value = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) r = (r * 10 + Number(d)) % 97;
  }
  return r;
}

/** ISO 13616: check digits = 98 - (BBAN + country + "00" as digits) mod 97. */
function iban(valid: boolean): string {
  const letters = () => Array.from({ length: 4 }, () => String.fromCharCode(int(65, 90))).join("");
  const [country, bban] = pick([
    ["DE", () => digits(18)],
    ["GB", () => letters() + digits(14)],
    ["NL", () => letters() + digits(10)],
    ["IT", () => "X" + digits(10) + digits(12)],
    ["AT", () => digits(16)],
    ["CH", () => digits(17)],
    ["IE", () => letters() + digits(14)],
    ["SE", () => digits(20)],
  ] as const);
  const body = bban();
  let check = 98 - mod97(body + country + "00");
  if (!valid) check = ((check + int(1, 90)) % 97) + 2;
  const electronic = country + pad(check, 2) + body;
  return int(0, 1) === 0 ? electronic : electronic.match(/.{1,4}/g)!.join(" ");
}

/** SSA rules: area 001-899 except 666, group 01-99, serial 0001-9999. */
function ssn(): string {
  let area = int(1, 899);
  if (area === 666) area = 667;
  const parts = [pad(area, 3), pad(int(1, 99), 2), pad(int(1, 9999), 4)];
  return parts.join("-");
}

function invalidSsn(): string {
  return pick([
    () => `000-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`,
    () => `666-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`,
    () => `${int(900, 999)}-${pad(int(1, 99), 2)}-${pad(int(1, 9999), 4)}`,
    () => `${pad(int(1, 665), 3)}-00-${pad(int(1, 9999), 4)}`,
    () => `${pad(int(1, 665), 3)}-${pad(int(1, 99), 2)}-0000`,
  ])();
}

const US_AREA_CODES = ["201", "202", "212", "213", "305", "312", "415", "503", "512", "617", "646", "702", "713", "808", "917", "919"];

function phone(): { value: string; context: boolean } {
  const region = pick(["US", "US", "GB", "DE", "FR", "INTL"]);
  const exchange = () => `${int(2, 9)}${digits(2)}`;
  if (region === "US") {
    const [a, e, s] = [pick(US_AREA_CODES), exchange(), digits(4)];
    return pick([
      { value: `(${a}) ${e}-${s}`, context: false },
      { value: `${a}-${e}-${s}`, context: false },
      { value: `${a}.${e}.${s}`, context: false },
      { value: `1-${a}-${e}-${s}`, context: false },
      { value: `${a}${e}${s}`, context: true },
    ]);
  }
  if (region === "GB") {
    return pick([
      { value: `020 7${digits(3)} ${digits(4)}`, context: false },
      { value: `0161 ${int(2, 9)}${digits(2)} ${digits(4)}`, context: false },
      { value: `07${int(4, 9)}${digits(2)} ${digits(6)}`, context: false },
    ]);
  }
  if (region === "DE") {
    return pick([
      { value: `030 ${int(2, 9)}${digits(7)}`, context: false },
      { value: `089 ${int(2, 9)}${digits(6)}`, context: false },
      { value: `${pick(["0170", "0171", "0175"])} ${digits(7)}`, context: false },
      { value: `040/${int(2, 9)}${digits(6)}`, context: false },
    ]);
  }
  if (region === "FR") {
    const pairs = () => Array.from({ length: 4 }, () => digits(2)).join(" ");
    return pick([
      { value: `01 ${pairs()}`, context: false },
      { value: `06 ${pairs()}`, context: false },
      { value: `04 ${pairs()}`, context: false },
    ]);
  }
  return pick([
    { value: `+1 ${pick(US_AREA_CODES)} ${exchange()} ${digits(4)}`, context: false },
    { value: `+44 20 7${digits(3)} ${digits(4)}`, context: false },
    { value: `+44 7${int(4, 9)}${digits(2)} ${digits(6)}`, context: false },
    { value: `+49 30 ${int(2, 9)}${digits(7)}`, context: false },
    { value: `+33 6 ${Array.from({ length: 4 }, () => digits(2)).join(" ")}`, context: false },
  ]);
}

function ipAddress(): string {
  if (int(0, 3) > 0) {
    const first = pick([int(11, 99), int(101, 126), int(128, 191), int(193, 223)]);
    return `${first}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
  }
  const group = () => int(0, 65535).toString(16);
  return pick([
    () => `2001:db8:${group()}:${group()}::${group()}`,
    () => `2001:0db8:${Array.from({ length: 6 }, () => hex(4)).join(":")}`,
    () => `fe80::${group()}:${group()}`,
  ])();
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function date(): string {
  const y = int(1950, 2030);
  const m = int(1, 12);
  const d = int(1, [31, y % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);
  return pick([
    () => `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    () => `${m}/${d}/${y}`,
    () => `${pad(d, 2)}.${pad(m, 2)}.${y}`,
    () => `${MONTHS[m - 1]} ${d}, ${y}`,
    () => `${d} ${MONTHS[m - 1]} ${y}`,
    () => `${y}-${pad(m, 2)}-${pad(d, 2)}T${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}Z`,
  ])();
}

function url(words: readonly string[]): string {
  const name = `${pick(words)}${pick(["", "-" + pick(words), "hub", "labs"])}`;
  const tld = pick(["com", "org", "net", "io", "de", "co.uk", "fr"]);
  const pathPart = `${pick(words)}/${pick(words)}`;
  return pick([
    () => `https://www.${name}.${tld}/${pathPart}`,
    () => `http://${name}.${tld}`,
    () => `https://docs.${name}.${tld}/${pathPart}?id=${int(1, 999)}`,
    () => `www.${name}.${tld}`,
    () => `${name}.${tld}/${pick(words)}`,
  ])();
}

function email(names: readonly string[], words: readonly string[]): string {
  const person = pick(names).toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").trim().split(/\s+/);
  const local = pick([() => person.join("."), () => person[0]!, () => `${person[0]![0]}${person[person.length - 1]}`, () => `${person[0]}+${pick(words)}`])();
  return `${local}@${pick(["example.com", "example.org", "mail.example.net", `${pick(words)}.org`, `${pick(words)}.co.uk`])}`;
}

// ---- decoys: must not be detected ---------------------------------------------------------------------

function decoy(): string {
  return pick([
    () => `Card check failed for reference ${luhnFailing()}.`,
    () => `The transfer to ${iban(false)} was rejected.`,
    () => `Test record ${invalidSsn()} is a placeholder.`,
    () => `Upgrade to version ${int(1, 9)}.${int(0, 20)}.${int(0, 30)}.${int(0, 99)} before continuing.`,
    () => `Release v${int(1, 5)}.${int(0, 12)}.${int(0, 9)} fixes the crash.`,
    () => `The request ${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)} timed out.`,
    () => `The commit ${hex(40)} introduced the change.`,
    () => `Order ORD-${int(2019, 2026)}-${pad(int(1, 999999), 6)} has shipped.`,
    () => `See ISBN 978-${int(0, 1)}-${digits(3)}-${digits(5)}-${int(0, 9)} for the reference.`,
    () => `The build dated ${int(2019, 2026)}-02-${int(30, 31)} never existed.`,
    () => `Interface mac ${Array.from({ length: 6 }, () => hex(2)).join(":")} came up.`,
    () => `Package ${pick(["libfoo", "python3-bar", "gcc"])}-${int(1, 9)}.${int(0, 9)}.${int(0, 9)}.${int(0, 9)} is installed.`,
  ])();
}

// ---- assembling records ----------------------------------------------------------------------------------

type Template = (v: string) => string;
const TEMPLATES: Record<EntityType, { plain: Template[]; context: Template[] }> = {
  EMAIL_ADDRESS: {
    plain: [(v) => `Questions go to ${v} these days.`, (v) => `${v} receives the reports.`],
    context: [(v) => `Send email to ${v} for details.`, (v) => `Contact: ${v}`],
  },
  PHONE_NUMBER: {
    plain: [(v) => `The office number changed to ${v} last week.`, (v) => `Reach the desk at ${v} during the day.`],
    context: [(v) => `Call ${v} if the build breaks.`, (v) => `Phone: ${v}`, (v) => `Her mobile is ${v} now.`],
  },
  US_SSN: {
    plain: [(v) => `The form listed ${v} in the wrong box.`],
    context: [(v) => `SSN: ${v}`, (v) => `His social security number is ${v} on file.`],
  },
  CREDIT_CARD: {
    plain: [(v) => `The payment used ${v} yesterday.`],
    context: [(v) => `Charge the card ${v} for the renewal.`, (v) => `Visa ${v} expires soon.`],
  },
  IBAN_CODE: {
    plain: [(v) => `Transfers go to ${v} each month.`],
    context: [(v) => `IBAN ${v}`, (v) => `Bank account: ${v}.`],
  },
  IP_ADDRESS: {
    plain: [(v) => `The server at ${v} stopped answering.`, (v) => `Requests from ${v} were dropped.`],
    context: [(v) => `Client IP ${v} was blocked.`],
  },
  URL: {
    plain: [(v) => `The documentation lives at ${v} now.`, (v) => `See ${v} for the changelog.`],
    context: [(v) => `Website: ${v}`],
  },
  DATE_TIME: {
    plain: [(v) => `The mirror was last synced ${v} according to the log.`, (v) => `${v} is the cut-off.`],
    context: [(v) => `Date of birth: ${v}`, (v) => `The release date was ${v} in the end.`],
  },
  PERSON: {
    plain: [(v) => `${v} maintains this package.`, (v) => `The original code was written by ${v} long ago.`, (v) => `Thanks to ${v} for the patch.`, (v) => `${v} reviewed the change.`],
    context: [(v) => `Contact name: ${v}`, (v) => `Dear ${v}, your request was accepted.`],
  },
  LOCATION: {
    plain: [(v) => `The mirror in ${v} is the fastest.`, (v) => `The next meeting is in ${v} this year.`, (v) => `${v} hosts a local user group.`],
    context: [(v) => `She moved to ${v} last year.`, (v) => `The office is located in ${v} today.`],
  },
};

const TYPES = Object.keys(TEMPLATES) as EntityType[];

function main(): void {
  const sentences = baseSentences();
  const names = personNames();
  const { cities, countries } = places();
  const words = [...new Set(sentences.flatMap((s) => s.sentence.toLowerCase().match(/\b[a-z]{4,9}\b/g) ?? []))].sort();
  process.stderr.write(`base sentences ${sentences.length}, names ${names.length}, cities ${cities.length}, countries ${countries.length}\n`);
  const value = (type: EntityType): { value: string; needsContext: boolean } => {
    switch (type) {
      case "PERSON":
        return { value: pick(names), needsContext: false };
      case "LOCATION":
        return { value: int(0, 2) === 0 ? pick(countries) : pick(cities), needsContext: false };
      case "EMAIL_ADDRESS":
        return { value: email(names, words), needsContext: false };
      case "PHONE_NUMBER": {
        const p = phone();
        return { value: p.value, needsContext: p.context };
      }
      case "US_SSN": {
        const v = ssn();
        const style = int(0, 4);
        return style === 0 ? { value: v.replace(/-/g, " "), needsContext: true } : style === 1 ? { value: v.replace(/-/g, ""), needsContext: true } : { value: v, needsContext: false };
      }
      case "CREDIT_CARD":
        return { value: creditCard(), needsContext: false };
      case "IBAN_CODE":
        return { value: iban(true), needsContext: false };
      case "IP_ADDRESS":
        return { value: ipAddress(), needsContext: false };
      case "URL":
        return { value: url(words), needsContext: false };
      case "DATE_TIME":
        return { value: date(), needsContext: false };
    }
  };

  const people = [...new Set([...BASE_TEXT_PEOPLE, ...names])].sort((a, b) => b.length - a.length);
  const baseSpans = new Map<string, GoldSpan[]>();
  const labelled = (sentence: string) => {
    let spans = baseSpans.get(sentence);
    if (!spans) baseSpans.set(sentence, (spans = labelBasePeople(sentence, people)));
    return spans;
  };
  const records: CorpusRecord[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const base = pick(sentences);
    const parts: { text: string; spans: GoldSpan[] }[] = [{ text: base.sentence, spans: labelled(base.sentence) }];
    const inserts = i % 7 === 0 ? 0 : int(1, 2);
    for (let k = 0; k < inserts; k++) {
      const type = TYPES[(i * 3 + k * 5 + int(0, TYPES.length - 1)) % TYPES.length]!;
      const { value: v, needsContext } = value(type);
      const template = pick(needsContext || int(0, 2) === 0 ? TEMPLATES[type].context : TEMPLATES[type].plain);
      const marker = "\u0000";
      const sentence = template(marker);
      const start = [...sentence.slice(0, sentence.indexOf(marker))].length;
      parts.push({ text: sentence.replace(marker, v), spans: [{ type, start, end: start + [...v].length }] });
    }
    if (int(0, 9) === 0) parts.push({ text: decoy(), spans: [] });
    if (int(0, 4) === 0) {
      const extra = pick(sentences).sentence;
      parts.push({ text: extra, spans: labelled(extra) });
    }
    // Shuffle the sentences of the record, then join them and shift the spans.
    for (let j = parts.length - 1; j > 0; j--) {
      const r = int(0, j);
      [parts[j], parts[r]] = [parts[r]!, parts[j]!];
    }
    let text = int(0, 19) === 0 ? "🙂 " : "";
    const spans: GoldSpan[] = [];
    for (const part of parts) {
      if (text !== "" && !text.endsWith(" ")) text += " ";
      const offset = [...text].length;
      for (const s of part.spans) spans.push({ type: s.type, start: s.start + offset, end: s.end + offset });
      text += part.text;
    }
    records.push({ id: `c${pad(i, 4)}`, split: "dev", source: base.source, text, spans });
  }
  // Seeded half split: dev for tuning, test for reporting.
  const order = records.map((_, i) => ({ i, r: random() })).sort((a, b) => a.r - b.r);
  order.slice(0, RECORDS / 2).forEach(({ i }) => (records[i]!.split = "test"));
  writeFileSync(OUTPUT, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  process.stderr.write(`wrote ${records.length} records to ${OUTPUT}\n`);
}

main();
