// Test support for the leak crawl (e2e/leak-crawl.spec.ts) and its check that the crawl's detector
// fires when masking is off (planted-pii.int.test.ts): a CSV of unique planted personal data, and the
// detector that looks for any of it in whatever text a route, page, log or row gives back.

const FIRST = ["Ottilie", "Barnaby", "Perpetua", "Lysander", "Griselda", "Thaddeus", "Wilhelmina", "Ambrose"];
const LAST_HEADS = ["Quill", "Bracken", "Thistle", "Ember", "Gorse", "Hazel"];
const LAST_TAILS = ["feather", "whistle", "thwaite", "bottom"];

/** Rows in the planted file; enough that each personal column is classified and one free-text span is not. */
export const PLANTED_ROWS = 24;
/** Two rows of the planted file that are exact duplicates, and whose card the recognizer skips (mixed separators). */
export const DUPLICATE_ROWS = ["20", "23"] as const;

const FREE_TEXT = {
  name: "Wendeline Marchbanks",
  phone: "+44 20 7946 0999",
  email: "wendeline.marchbanks@mailhost.example",
};

export interface PlantedRow {
  fullName: string;
  email: string;
  ssn: string;
  card: string;
  iban: string;
  phone: string;
  notes: string;
}

/** The planted rows, the same on every call (ids are row numbers). */
export function plantedRows(): PlantedRow[] {
  const rows: PlantedRow[] = [];
  for (let i = 0; i < PLANTED_ROWS - 1; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = `${LAST_HEADS[i % LAST_HEADS.length]}${LAST_TAILS[Math.floor(i / LAST_HEADS.length) % LAST_TAILS.length]}`;
    const card = luhnComplete(`4${String(917_263_000_000 + i * 104_729).padStart(14, "0")}`);
    rows.push({
      fullName: `${first} ${last}`,
      email: `${first}.${last}@mailhost.example`.toLowerCase(),
      ssn: `${String(212 + i * 7)}-${String(31 + i)}-${String(4100 + i * 13)}`,
      card: i === 20 ? `${card.slice(0, 4)} ${card.slice(4, 8)}-${card.slice(8, 12)} ${card.slice(12)}` : card.replace(/(\d{4})(?=\d)/g, "$1 "),
      iban: germanIban(`37040044${String(532_013_000 + i * 7)}`.padEnd(18, "0")),
      phone: `+44 20 7946 0${String(100 + i * 11)}`,
      notes: i === 7 ? `Call Dr. ${FREE_TEXT.name} on ${FREE_TEXT.phone} or mail ${FREE_TEXT.email} about the refund` : "Ticket closed after review",
    });
  }
  rows.push({ ...rows[20]! }); // row 23 duplicates row 20
  return rows;
}

/** The planted file (CSV); `rows` picks a subset, e.g. for a second version that overlaps the first. */
export function plantedCsv(rows: readonly PlantedRow[] = plantedRows()): string {
  const lines = ["id,full_name,email,ssn,card,iban,phone,notes"];
  rows.forEach((row, i) => lines.push([i, row.fullName, row.email, row.ssn, row.card, row.iban, row.phone, row.notes].join(",")));
  return `${lines.join("\n")}\n`;
}

/** Every planted raw value, with digit-only forms of the numbers (a view that strips separators leaks too). */
export function plantedValues(): string[] {
  const values = new Set<string>(Object.values(FREE_TEXT));
  for (const row of plantedRows()) {
    for (const value of [row.fullName, row.email, row.ssn, row.card, row.iban, row.phone]) values.add(value);
    for (const value of [row.ssn, row.card, row.phone]) values.add(value.replace(/\D/g, ""));
  }
  return [...values];
}

/**
 * The planted values found in `text`, compared case-insensitively, also after undoing HTML and JSON
 * escapes (a page may write "+" or "@" as an entity, JSON a "\u002b").
 */
export function findPlantedValues(text: string, values: readonly string[] = plantedValues()): string[] {
  const forms = [text, unescapeHtml(text), unescapeJson(text)].map((form) => form.toLowerCase());
  return values.filter((value) => forms.some((form) => form.includes(value.toLowerCase())));
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " })[name]!);
}

function unescapeJson(text: string): string {
  return text.replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Appends the Luhn check digit (ISO/IEC 7812-1 Annex B). */
function luhnComplete(partial: string): string {
  let sum = 0;
  [...partial].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  });
  return `${partial}${(10 - (sum % 10)) % 10}`;
}

/** A German IBAN for an 18-digit BBAN, with its ISO 13616 check digits (mod 97). */
function germanIban(bban: string): string {
  const numeric = `${bban}131400`; // "DE00" moved to the end, letters as numbers (D=13, E=14)
  let remainder = 0;
  for (const c of numeric) remainder = (remainder * 10 + Number(c)) % 97;
  return `DE${String(98 - remainder).padStart(2, "0")}${bban}`;
}
