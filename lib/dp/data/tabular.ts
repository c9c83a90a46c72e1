// Tabular records (CSV / JSON Lines) to TrainingData. The encoding is fitted on one set of rows
// (public data, or a non-private run's training set) and stored, so the evaluation set and later
// inference are encoded exactly alike and no statistic of held-out data leaks into training. No
// value is ever logged or put in a message.
//
// Rules (fitFeatureEncoding):
// - Missing: absent, null, or a string that is empty or (case-insensitively) "na", "n/a", "nan", "null".
// - A column is numeric when every present training value is a finite number or a numeric string;
//   it is standardised with the training mean and population standard deviation, and a missing (or,
//   outside training, unparsable) value is imputed with the training mean, i.e. 0 after standardising.
// - Any other column is categorical: one-hot over the training categories (sorted), a missing or
//   unseen value encoding as all zeros. Booleans are the categories "true" and "false".
// - Dropped, each with its reason: nested JSON values, columns with no value, constant columns,
//   identifier-like columns (every value distinct in at least 10 rows, or named like an id with every
//   value distinct, numeric or not), free text (mean length over 30 characters or over 3 words), and categorical
//   columns with more than `maxCategories` categories.
// - Rows whose target is missing are skipped (counted in `skippedRows`); the classes are the
//   training set's target values as strings, in numeric order when all are numbers, else sorted.
// The whole file is held in memory as records (fine for the tabular sizes DP-SGD trains on here).
//
// A private run must not fit any of this on its private rows (a category seen once reveals its
// record): it fits on public data, or takes a declared PreprocessingSchema (encodingFromSchema),
// whose numeric columns are ranges: values are clipped to [min, max] and mapped onto [-1, 1].
import { z } from "zod";
import { AppError } from "../../errors/index.ts";
import { detectFormat, readRecords, type RecordFormat } from "../../records/index.ts";
import type { TrainingData } from "../training/train.ts";

export const DEFAULT_MAX_CATEGORIES = 50;
const MISSING_STRINGS = new Set(["", "na", "n/a", "nan", "null"]);
const ID_NAME = /(^|[_\s.-])(id|uuid|guid|key)$|^(id|uuid|guid|index)$|[a-z]Id$/i;
const FREE_TEXT_MEAN_LENGTH = 30;
const FREE_TEXT_MEAN_WORDS = 3;
/** Below this many rows, distinct categories may be chance, not identifiers. */
const MIN_ROWS_FOR_ID = 10;

export type EncodedColumn =
  | { name: string; kind: "numeric"; mean: number; std: number }
  | { name: string; kind: "numeric"; min: number; max: number }
  | { name: string; kind: "categorical"; categories: string[] };

/**
 * Ranges, categories and classes declared by the user (training form, run.json `data.schema`),
 * so that nothing of the encoding is computed from private rows. Columns not listed are not features.
 */
export const preprocessingSchema = z
  .object({
    /** The target's classes; class index i is classes[i]. */
    classes: z.array(z.string().min(1)).min(2),
    columns: z
      .array(
        z.discriminatedUnion("kind", [
          z.object({ name: z.string().min(1), kind: z.literal("numeric"), min: z.number(), max: z.number() }).strict(),
          z.object({ name: z.string().min(1), kind: z.literal("categorical"), categories: z.array(z.string().min(1)).min(1) }).strict(),
        ]),
      )
      .min(1),
  })
  .strict();
export type PreprocessingSchema = z.infer<typeof preprocessingSchema>;

/** Where an encoding's statistics come from: declared, fitted on public rows, or on the training rows. */
export type EncodingSource = "declared" | "public" | "training";

export interface DroppedColumn {
  name: string;
  reason: string;
}

/** Everything needed to encode new records like the training set: store it with the model. */
export interface FeatureEncoding {
  version: 1;
  /** Absent on encodings stored before sources were recorded (fitted on the training rows). */
  source?: EncodingSource;
  target: string;
  /** Class index i is classes[i]. */
  classes: string[];
  /** In feature order: a numeric column takes one feature, a categorical one per category. */
  columns: EncodedColumn[];
  dropped: DroppedColumn[];
  /** Features per example. */
  width: number;
}

export interface TabularRow {
  /** 1-based line in the file, for messages. */
  line: number;
  fields: Record<string, unknown>;
}

export interface FitFeatureEncodingOptions {
  target: string;
  /** Categorical columns with more training categories than this are dropped. @defaultValue 50 */
  maxCategories?: number;
}

export interface EncodedTabular extends TrainingData {
  /** Rows left out because their target was missing. */
  skippedRows: number;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && MISSING_STRINGS.has(value.trim().toLowerCase()));
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function asCategory(value: unknown): string {
  return typeof value === "string" ? value.trim() : String(value);
}

function sortLabels(values: string[]): string[] {
  const numeric = values.every((v) => asNumber(v) !== undefined);
  return [...values].sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
}

function describeColumn(name: string, values: unknown[], maxCategories: number): EncodedColumn | DroppedColumn {
  if (values.some((v) => typeof v === "object")) return { name, reason: "nested JSON value" };
  if (values.length === 0) return { name, reason: "no values" };
  const numbers = values.map(asNumber);
  if (numbers.every((n) => n !== undefined)) {
    const distinct = new Set(numbers).size;
    if (distinct === 1) return { name, reason: "constant" };
    if (ID_NAME.test(name) && distinct === values.length) return { name, reason: "identifier-like (named like an id, every value distinct)" };
    const mean = (numbers as number[]).reduce((a, b) => a + b, 0) / numbers.length;
    const variance = (numbers as number[]).reduce((a, b) => a + (b - mean) ** 2, 0) / numbers.length;
    return { name, kind: "numeric", mean, std: Math.sqrt(variance) };
  }
  const categories = values.map(asCategory);
  const distinct = new Set(categories);
  if (distinct.size === 1) return { name, reason: "constant" };
  const meanLength = categories.reduce((a, c) => a + c.length, 0) / categories.length;
  const meanWords = categories.reduce((a, c) => a + c.split(/\s+/).filter(Boolean).length, 0) / categories.length;
  if (meanLength > FREE_TEXT_MEAN_LENGTH || meanWords > FREE_TEXT_MEAN_WORDS) return { name, reason: "free text" };
  if (distinct.size === categories.length && (categories.length >= MIN_ROWS_FOR_ID || ID_NAME.test(name))) return { name, reason: "identifier-like (every value distinct)" };
  if (distinct.size > maxCategories) return { name, reason: `high cardinality (${distinct.size} categories, more than ${maxCategories})` };
  return { name, kind: "categorical", categories: [...distinct].sort() };
}

/**
 * The rows' column names in first-seen order. @throws AppError bad_request when one of `required`
 * (the target first, then declared feature columns) is not among them.
 */
export function requireColumns(rows: TabularRow[], required: string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.fields)) if (!seen.has(name)) (seen.add(name), names.push(name));
  const missing = required.find((name) => !seen.has(name));
  if (missing !== undefined) {
    const role = missing === required[0] ? "target column" : "declared column";
    throw new AppError("bad_request", `${role} "${missing}" is not in the training data (columns: ${names.join(", ") || "none"})`, { field: missing === required[0] ? "target" : "schema" });
  }
  return names;
}

/**
 * Fits the encoding of the training rows: which columns become which features, their statistics,
 * the classes of `target`. Runs in O(rows × columns + categories log categories).
 * @throws AppError bad_request when `target` is not a column; unprocessable when the target has
 * fewer than two classes or no column is usable as a feature (the message lists each drop reason).
 */
export function fitFeatureEncoding(rows: TabularRow[], options: FitFeatureEncodingOptions): FeatureEncoding {
  const { target, maxCategories = DEFAULT_MAX_CATEGORIES } = options;
  if (!(Number.isInteger(maxCategories) && maxCategories >= 1)) throw new AppError("bad_request", `fitFeatureEncoding: maxCategories must be an integer >= 1, got ${maxCategories}`);
  const names = requireColumns(rows, [target]);
  const labelled = rows.filter((row) => !isMissing(row.fields[target]));
  const classes = sortLabels([...new Set(labelled.map((row) => asCategory(row.fields[target])))]);
  if (classes.length < 2) {
    throw new AppError("unprocessable", `target column "${target}" has ${classes.length} class${classes.length === 1 ? "" : "es"} in the training data; classification needs at least 2`, { field: "target" });
  }
  const columns: EncodedColumn[] = [];
  const dropped: DroppedColumn[] = [];
  for (const name of names) {
    if (name === target) continue;
    const values = labelled.map((row) => row.fields[name]).filter((v) => !isMissing(v));
    const described = describeColumn(name, values, maxCategories);
    if ("reason" in described) dropped.push(described);
    else if ("std" in described && described.std === 0) dropped.push({ name, reason: "constant" });
    else columns.push(described);
  }
  if (columns.length === 0) {
    const reasons = dropped.map((d) => `${d.name}: ${d.reason}`).join("; ");
    throw new AppError("unprocessable", `no usable feature column besides the target "${target}"${reasons ? ` (dropped ${reasons})` : ""}`, { dropped });
  }
  const width = columns.reduce((a, c) => a + (c.kind === "numeric" ? 1 : c.categories.length), 0);
  return { version: 1, target, classes, columns, dropped, width };
}

/**
 * The encoding a declared schema defines, exactly as declared: no row is read, so it reveals
 * nothing of any dataset. Runs in O(columns + categories).
 * @throws AppError unprocessable naming the rule broken: a column listed twice or named like the
 * target, a range with min ≥ max, a category or class listed twice.
 */
export function encodingFromSchema(schema: PreprocessingSchema, target: string): FeatureEncoding {
  const fail = (message: string) => new AppError("unprocessable", `preprocessing schema: ${message}`, { field: "schema" });
  const duplicate = (values: string[]) => values.find((v, i) => values.indexOf(v) !== i);
  const parsed = preprocessingSchema.safeParse(schema);
  if (!parsed.success) throw fail(`${parsed.error.issues[0]!.path.join(".") || "schema"}: ${parsed.error.issues[0]!.message}`);
  const { classes, columns } = parsed.data;
  if (duplicate(classes) !== undefined) throw fail(`class "${duplicate(classes)}" is listed twice`);
  const names = columns.map((c) => c.name);
  if (duplicate(names) !== undefined) throw fail(`column "${duplicate(names)}" is listed twice`);
  if (names.includes(target)) throw fail(`the target "${target}" cannot also be a feature column`);
  for (const column of columns) {
    if (column.kind === "numeric" && !(Number.isFinite(column.min) && Number.isFinite(column.max) && column.min < column.max)) {
      throw fail(`column "${column.name}" needs min < max, got [${column.min}, ${column.max}]`);
    }
    if (column.kind === "categorical" && duplicate(column.categories) !== undefined) throw fail(`column "${column.name}" lists category "${duplicate(column.categories)}" twice`);
  }
  const width = columns.reduce((a, c) => a + (c.kind === "numeric" ? 1 : c.categories.length), 0);
  return { version: 1, source: "declared", target, classes, columns, dropped: [], width };
}

/** A numeric value's feature: standardised with fitted statistics, or clipped to a declared range and mapped onto [-1, 1]. */
function numericFeature(column: Extract<EncodedColumn, { kind: "numeric" }>, value: number): number {
  if ("mean" in column) return (value - column.mean) / column.std;
  const half = (column.max - column.min) / 2;
  return (Math.min(column.max, Math.max(column.min, value)) - (column.min + half)) / half;
}

/**
 * Encodes rows with a fitted encoding (training, evaluation or inference rows alike).
 * Rows with a missing target are skipped. Runs in O(rows × width).
 * @throws AppError unprocessable naming the line when a row's target is not a training class.
 */
export function encodeRows(rows: TabularRow[], encoding: FeatureEncoding): EncodedTabular {
  const classIndex = new Map(encoding.classes.map((c, i) => [c, i]));
  const categoryIndex = encoding.columns.map((c) => (c.kind === "categorical" ? new Map(c.categories.map((v, i) => [v, i])) : undefined));
  const labelled = rows.filter((row) => !isMissing(row.fields[encoding.target]));
  const features = new Float32Array(labelled.length * encoding.width);
  const labels = new Int32Array(labelled.length);
  labelled.forEach((row, i) => {
    const label = classIndex.get(asCategory(row.fields[encoding.target]));
    if (label === undefined) {
      const classes = encoding.source === "declared" ? "declared classes" : "classes seen in training";
      throw new AppError("unprocessable", `line ${row.line}: the value of target column "${encoding.target}" is not one of the ${encoding.classes.length} ${classes}`, { line: row.line });
    }
    labels[i] = label;
    let offset = i * encoding.width;
    encoding.columns.forEach((column, c) => {
      const value = row.fields[column.name];
      if (column.kind === "numeric") {
        const number = isMissing(value) ? undefined : asNumber(value);
        features[offset] = number === undefined ? 0 : numericFeature(column, number);
        offset += 1;
      } else {
        const index = isMissing(value) || typeof value === "object" ? undefined : categoryIndex[c]!.get(asCategory(value));
        if (index !== undefined) features[offset + index] = 1;
        offset += column.categories.length;
      }
    });
  });
  return { features, labels, count: labelled.length, skippedRows: rows.length - labelled.length };
}

/**
 * Reads a CSV or JSON Lines file into rows; the format by extension unless given (a stored blob has none).
 * @throws AppError for other formats or malformed records.
 */
export async function readTabularRows(file: string, format: RecordFormat = detectFormat(file)): Promise<TabularRow[]> {
  if (format === "text") throw new AppError("unsupported_media_type", `tabular training data must be CSV or JSON Lines, not text`, { field: "filename" });
  const rows: TabularRow[] = [];
  for await (const record of readRecords(file, { format })) rows.push({ line: record.line, fields: record.fields });
  return rows;
}
