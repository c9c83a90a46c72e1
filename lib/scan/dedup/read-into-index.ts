import { AppError } from "../../errors/index.ts";
import { detectFormat, readRecords, type RecordFormat } from "../../records/index.ts";
import type { NearDuplicateIndex } from "./near-duplicate-index.ts";
import { recordText } from "./record-text.ts";

export interface FileReadOptions {
  /** The file's format; by its extension (detectFormat) when absent. */
  format?: RecordFormat;
  /** Malformed records: `fail` (default) stops with the line, `skip` reads on. */
  onMalformed?: "fail" | "skip";
  field?: string;
}

/**
 * First pass: adds every record of `path` to the index, returning the record ids. A `field` that
 * no record has is refused (at the first record for CSV, whose records all have every column).
 */
export async function readIntoIndex(index: NearDuplicateIndex, path: string, side: 0 | 1, options: FileReadOptions): Promise<string[]> {
  const { field } = options;
  const format = options.format ?? detectFormat(path);
  const ids: string[] = [];
  let fieldSeen = false;
  for await (const record of readRecords(path, { format, onMalformed: options.onMalformed })) {
    if (field !== undefined && !fieldSeen) {
      fieldSeen = Object.hasOwn(record.fields, field);
      if (!fieldSeen && format === "csv") throw unknownField(field, Object.keys(record.fields));
    }
    index.add(recordText(record.fields, field), side);
    ids.push(record.id);
  }
  if (field !== undefined && !fieldSeen && ids.length > 0) throw unknownField(field, undefined);
  return ids;
}

/**
 * Second pass: the texts of the distinct-text ids in `needed`, read again from `path` whose first
 * record has index `firstRecord` in the index.
 */
export async function collectTexts(
  index: NearDuplicateIndex,
  path: string,
  firstRecord: number,
  needed: ReadonlySet<number>,
  texts: Map<number, string>,
  options: FileReadOptions,
): Promise<void> {
  if (needed.size === 0) return;
  const format = options.format ?? detectFormat(path);
  let record = firstRecord;
  for await (const { fields } of readRecords(path, { format, onMalformed: options.onMalformed })) {
    const content = index.contentOf(record++);
    if (needed.has(content) && !texts.has(content)) texts.set(content, recordText(fields, options.field));
  }
}

function unknownField(field: string, columns: string[] | undefined): AppError {
  const known = columns ? ` (columns: ${columns.join(", ")})` : "";
  return new AppError("bad_request", `unknown field "${field}": no record has it${known}`, { field });
}
