import { parse, type CsvError } from "csv-parse";
import { AppError } from "../errors/index.ts";
import { MAX_LINE_BYTES, notUtf8, type LineBatch } from "./read-lines.ts";
import type { DataRecord } from "./types.ts";

interface CsvRecordWithInfo {
  record: string[];
  info: { lines: number };
}

// csv-parse's synchronous core, which its stream Transform wraps. Driving it directly keeps
// parsing pull-based: one line in, the records it completes out, errors returned not emitted.
interface CsvParserApi {
  parse(buffer: Buffer | undefined, end: boolean, push: (record: CsvRecordWithInfo) => void, close: () => void): Error | undefined;
  state: { quoting: boolean; record: string[]; field: { toString(encoding?: string): string } };
}

interface CsvSession {
  api: CsvParserApi;
  /** Lines before the first one csv-parse saw: its line count plus this is the file's. */
  offset: number;
}

/**
 * CSV with a header row. A line that holds a whole well-formed record is split here (most lines: csv-parse
 * fed line by line costs several times more). The header, and any line splitLine cannot vouch for (a quote
 * out of place, a quoted field left open) with the lines that follow until a record ends between lines,
 * go to csv-parse, one parser per such stretch, whose errors we translate. A record's start line is its
 * end line (csv-parse's count) minus the line breaks inside its fields.
 */
export async function* readCsvRecords(
  batches: AsyncIterable<LineBatch>,
  skip: ((error: AppError) => void) | undefined,
): AsyncGenerator<DataRecord> {
  let header: string[] | undefined;
  let row = 0;
  let session: CsvSession | undefined;
  const completed: CsvRecordWithInfo[] = [];
  const push = (record: CsvRecordWithInfo) => completed.push(record);
  const ignore = () => {};

  function openSession(offset: number): CsvSession {
    const parser = parse({
      info: true,
      skip_empty_lines: true,
      // Each stretch starts afresh: field counts are checked against the header in `accept`.
      relax_column_count: true,
      record_delimiter: "\n",
      max_record_size: MAX_LINE_BYTES,
      skip_records_with_error: skip !== undefined,
      on_skip: skip
        ? (error: CsvError | undefined) => {
            if (error) skip(csvError(error, offset));
            // A skipped row is still a data row: later records keep their 0-based row ids.
            if (header !== undefined) row += 1;
            return undefined;
          }
        : undefined,
    });
    const api = (parser as unknown as { api?: CsvParserApi }).api;
    if (!api || typeof api.parse !== "function" || typeof api.state?.quoting !== "boolean") {
      throw new Error("readCsvRecords: csv-parse no longer exposes its parser api");
    }
    return { api, offset };
  }

  /** The record of a data row, or undefined if it was skipped; throws on a wrong field count unless skipping. */
  function accept(line: number, values: string[]): DataRecord | undefined {
    const id = String(row);
    row += 1;
    if (values.length === header!.length) return { id, line, fields: toFields(header!, values) };
    const error = fieldCountError(line, header!.length, values.length);
    if (!skip) throw error;
    skip(error);
    return undefined;
  }

  function* drain(offset: number): Generator<DataRecord> {
    for (const { record, info } of completed) {
      const line = offset + info.lines - newlinesIn(record);
      if (header === undefined) {
        header = checkHeader(record, line);
        continue;
      }
      const accepted = accept(line, record);
      if (accepted) yield accepted;
    }
    completed.length = 0;
  }

  /** Ends the csv-parse stretch: the parser holds back a line's last byte until it sees more or the end. */
  function* closeSession(): Generator<DataRecord> {
    const { api, offset } = session!;
    session = undefined;
    const error = api.parse(undefined, true, push, ignore);
    yield* drain(offset);
    if (error) throw csvError(error as CsvError, offset, api);
  }

  for await (const batch of batches) {
    for (let i = 0; i < batch.count; i++) {
      const line = batch.first + i;
      const text = batch.text(i);
      if (text === undefined) throw notUtf8(line);
      // Inside a quoted field csv-parse must read on; between records a whole line can be split here.
      const values = session?.api.state.quoting ? undefined : splitLine(text);
      if (values !== undefined && session) yield* closeSession();
      if (values === undefined || header === undefined) {
        session ??= openSession(line - 1);
        const error = session.api.parse(Buffer.from(`${text}\n`, "utf8"), false, push, ignore);
        yield* drain(session.offset);
        if (error) throw csvError(error as CsvError, session.offset, session.api);
        continue;
      }
      if (text === "") continue;
      const accepted = accept(line, values);
      if (accepted) yield accepted;
    }
  }
  if (session) yield* closeSession();
  if (header === undefined) throw new AppError("unprocessable", "the file is empty");
}

/**
 * The fields of a line that holds one whole record: unquoted fields without quotes, and quoted fields
 * ("" for a quote) ended by a comma or the line's end. Undefined for anything else (a stray quote, a
 * quoted field still open at the line's end), which csv-parse reads or refuses.
 */
export function splitLine(text: string): string[] | undefined {
  if (text.indexOf('"') === -1) return text.split(",");
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 0x22 /* " */) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return undefined;
        if (text.charCodeAt(quote + 1) !== 0x22) {
          value += text.slice(from, quote);
          i = quote + 1;
          break;
        }
        value += text.slice(from, quote + 1);
        from = quote + 2;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text.charCodeAt(i) !== 0x2c /* , */) return undefined;
      i += 1;
    } else {
      const comma = text.indexOf(",", i);
      const value = text.slice(i, comma === -1 ? text.length : comma);
      if (value.includes('"')) return undefined;
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

function toFields(header: readonly string[], values: readonly string[]): Record<string, unknown> {
  // A column named "__proto__" must stay an own property, as Object.fromEntries makes it; assignment is faster otherwise.
  if (header.includes("__proto__")) return Object.fromEntries(header.map((name, index) => [name, values[index]]));
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) fields[header[i]!] = values[i];
  return fields;
}

function fieldCountError(line: number, expected: number, found: number): AppError {
  return new AppError("unprocessable", `line ${line}: expected ${expected} fields as in the header, found ${found}`, { line });
}

function newlinesIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) count += 1;
  }
  return count;
}

function checkHeader(names: string[], line: number): string[] {
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    // Columns by position only: a file without a header would put data values here.
    if (name.trim() === "") {
      throw new AppError("unprocessable", `line ${line}: column ${index + 1} of the header has no name`, { line, column: index + 1 });
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new AppError("unprocessable", `line ${line}: columns ${earlier + 1} and ${index + 1} of the header have the same name`, {
        line,
        column: index + 1,
      });
    }
    seen.set(name, index);
  });
  return names;
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: "text follows a closing quote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text follows a closing quote",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_MAX_RECORD_SIZE: `a record longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`,
};

/** Our own message: csv-parse's quotes field values, which may be PII. */
function csvError(error: CsvError, offset: number, api?: CsvParserApi): AppError {
  const context = error as unknown as { lines?: number; column?: number | null };
  let line = typeof context.lines === "number" ? offset + context.lines : 0;
  if (error.code === "CSV_QUOTE_NOT_CLOSED" && api) {
    // Point at the line where the open record began, not the end of the file.
    try {
      const open = api.state.field.toString("utf8");
      // The file's last line break sits inside the open field but csv-parse has not counted it.
      const uncounted = open.endsWith("\n") ? 1 : 0;
      line -= newlinesIn(api.state.record) + newlinesIn([open]) - uncounted;
    } catch {
      // keep the end line
    }
  }
  const problem = CSV_PROBLEMS[error.code] ?? "malformed CSV";
  const column = typeof context.column === "number" && error.code !== "CSV_QUOTE_NOT_CLOSED" ? context.column + 1 : undefined;
  const where = column === undefined ? "" : `, field ${column}`;
  return new AppError("unprocessable", `line ${line}${where}: ${problem}`, column === undefined ? { line } : { line, column });
}
