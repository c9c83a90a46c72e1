/** What a quasi-identifier column holds, as far as its name and values tell. */
export type QuasiIdentifierKind =
  | "age"
  | "date_of_birth"
  | "date"
  | "postcode"
  | "sex"
  | "ethnicity"
  | "city"
  | "region"
  | "country"
  | "nationality"
  | "marital_status"
  | "occupation"
  | "education"
  | "religion"
  | "language";

// Name tokens per kind, matched whole (so "stage" and "usage" are not an age). Order matters: a
// "birth_date" is a date of birth before it is a date. Sweeney 2000 ("Simple demographics often
// identify people uniquely", Carnegie Mellon, Data Privacy Working Paper 3) found 5-digit ZIP, sex
// and date of birth alone single out 87% of the US population; the rest are the demographics
// HIPAA's Safe Harbor (45 CFR 164.514(b)(2)) and statistical disclosure control treat likewise.
const NAME_RULES: readonly [QuasiIdentifierKind, readonly string[]][] = [
  ["date_of_birth", ["dob", "birth", "birthdate", "birthday", "dateofbirth", "born"]],
  ["age", ["age", "ages", "agey", "ageyears"]],
  ["postcode", ["zip", "zipcode", "postcode", "postal", "postalcode", "plz", "zip5", "zip3"]],
  ["sex", ["sex", "gender"]],
  ["ethnicity", ["race", "ethnicity", "ethnic"]],
  ["city", ["city", "town", "municipality", "village"]],
  ["region", ["state", "county", "province", "region", "district"]],
  ["country", ["country"]],
  ["nationality", ["nationality", "citizenship"]],
  ["marital_status", ["marital", "married"]],
  ["occupation", ["occupation", "job", "profession", "employer", "jobtitle"]],
  ["education", ["education", "degree"]],
  ["religion", ["religion", "religious"]],
  ["language", ["language"]],
  ["date", ["date"]],
];

const SEX_VALUES = new Set(["m", "f", "male", "female", "man", "woman", "x", "other", "nonbinary", "non-binary", "u", "unknown"]);
const BINARY_SEX_VALUES = new Set(["m", "f", "male", "female", "man", "woman"]);
const DATE_VALUE = /^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*$/;

/**
 * The kind of a column from its name (tokens of snake_case, kebab-case, camelCase, spaces) and,
 * when the name says nothing, from its values: all dates → date, all sex codes → sex. Values need
 * at least two distinct ones, 90% of the non-missing fitting (and for sex, some M/F/male/female
 * among them). null when neither tells.
 *
 * @example quasiIdentifierKind("patientAge") // "age"
 * @example quasiIdentifierKind("col7", ["1990-02-01", "1985-11-30"]) // "date"
 */
export function quasiIdentifierKind(name: string, values: readonly (string | null)[] = []): QuasiIdentifierKind | null {
  const tokens = nameTokens(name);
  const joined = tokens.join("");
  for (const [kind, words] of NAME_RULES) {
    if (tokens.some((token) => words.includes(token)) || words.includes(joined)) return kind;
  }
  const present = values.filter((value): value is string => value !== null && value.trim() !== "");
  if (new Set(present).size < 2) return null;
  const share = (test: (value: string) => boolean) => present.filter(test).length / present.length;
  if (share((value) => DATE_VALUE.test(value)) >= 0.9) return "date";
  const sexCode = (value: string) => value.trim().toLowerCase();
  if (share((value) => SEX_VALUES.has(sexCode(value))) >= 0.9 && present.some((value) => BINARY_SEX_VALUES.has(sexCode(value)))) return "sex";
  return null;
}

function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== "");
}
