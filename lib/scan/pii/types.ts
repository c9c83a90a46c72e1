/**
 * Entity names follow Microsoft Presidio's predefined recognizers
 * (microsoft/presidio, presidio-analyzer/presidio_analyzer/predefined_recognizers/).
 */
export const PII_ENTITIES = [
  "PERSON",
  "EMAIL_ADDRESS",
  "PHONE_NUMBER",
  "US_SSN",
  "CREDIT_CARD",
  "IBAN_CODE",
  "IP_ADDRESS",
  "URL",
  "LOCATION",
  "DATE_TIME",
  "UK_NHS",
] as const;

export type PiiEntity = (typeof PII_ENTITIES)[number];

/** A detected entity inside one value. `start`/`end` are Unicode code point offsets, end exclusive. */
export interface Span {
  type: PiiEntity;
  start: number;
  end: number;
  /** Confidence in [0, 1], Presidio-style: pattern score, raised or lowered by context. */
  score: number;
}

/** What a recognizer may know besides the value itself. */
export interface DetectOptions {
  /** The column or JSON key holding the value; its words count as context (e.g. `phone_number`). */
  fieldName?: string;
}

/**
 * A match before context scoring, in UTF-16 offsets (what JavaScript regexes report).
 * Only the scanning pipeline sees these; everything public speaks code points.
 */
export interface RawSpan {
  start: number;
  end: number;
  score: number;
}

/** Cheap facts about a value, counted in one pass, that let recognizers skip it without a regex. */
export interface TextProfile {
  length: number;
  digits: number;
  upper: number;
  letters: number;
  at: number;
  colons: number;
  dots: number;
  slashes: number;
  /** True when the value holds characters outside the Basic Multilingual Plane (UTF-16 surrogates). */
  astral: boolean;
}

/** One pluggable detector, registered by name (see registry.ts). */
export interface Recognizer {
  readonly name: string;
  readonly entity: PiiEntity;
  /** Words near a match (or in the field name) that raise its score, Presidio-style. */
  readonly context: readonly string[];
  /** Words near a match (or in the field name) that lower its score: the decoys' usual labels. */
  readonly negativeContext: readonly string[];
  /** False when the value cannot hold this entity; must be much cheaper than `find`. */
  mayContain(profile: TextProfile): boolean;
  /** Matches with their base scores, in UTF-16 offsets, before context. */
  find(text: string, options: DetectOptions): RawSpan[];
  /** Matches with context applied, in code point offsets. */
  detect(text: string, options?: DetectOptions): Span[];
}

/** One entity found in one field of one record: the public shape of `scan pii --json`. */
export interface PiiFinding {
  record: string;
  field: string;
  type: PiiEntity;
  start: number;
  end: number;
  score: number;
}
