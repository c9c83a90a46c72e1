import { parse, type CsvError } from "csv-parse";
import { AppError } from "../errors/index.ts";
import { decodeLine, MAX_LINE_BYTES, type RawLine } from "./read-lines.ts";
import type { DataRecord } from "./types.ts";

interface CsvRecordWithInfo {
  record: string[];
  info: { lines: number };
}

// csv-parse's synchronous core, which its stream Transform wraps. Driving it directly keeps
// parsing pull-based: one line in, the records it completes out, errors returned not emitted.
interface CsvParserApi {
  parse(buffer: Buffer | undefined, end: boolean, push: (record: CsvRecordWithInfo) => void, close: () => void): Error | undefined;
  state: { record: string[]; field: { toString(encoding?: string): string } };
}

const NEWLINE = Buffer.from("\n");

/**
 * CSV with a header row. Lines are fed to csv-parse one at a time; a quoted field may span lines.
 * A record's start line is its end line (csv-parse's count) minus the line breaks inside its fields.
 */
export async function* readCsvRecords(
  lines: AsyncIterable<RawLine>,
  skip: ((error: AppError) => void) | undefined,
): AsyncGenerator<DataRecord> {
  let header: string[] | undefined;
  let row = 0;
  const parser = parse({
    info: true,
    skip_empty_lines: true,
    relax_column_count: false,
    record_delimiter: "\n",
    max_record_size: MAX_LINE_BYTES,
    skip_records_with_error: skip !== undefined,
    on_skip: skip
      ? (error: CsvError | undefined) => {
          if (error) skip(csvError(error, header?.length));
          // A skipped row is still a data row: later records keep their 0-based row ids.
          if (header !== undefined) row += 1;
          return undefined;
        }
      : undefined,
  });
  const api = (parser as unknown as { api?: CsvParserApi }).api;
  if (!api || typeof api.parse !== "function") throw new Error("readCsvRecords: csv-parse no longer exposes its parser api");

  const completed: CsvRecordWithInfo[] = [];
  const push = (record: CsvRecordWithInfo) => completed.push(record);

  function* drain(): Generator<DataRecord> {
    for (const { record, info } of completed) {
      const line = info.lines - newlinesIn(record);
      if (header === undefined) {
        header = checkHeader(record, line);
        continue;
      }
      const fields = Object.fromEntries(header.map((name, index) => [name, record[index]]));
      yield { id: String(row), line, fields };
      row += 1;
    }
    completed.length = 0;
  }

  for await (const raw of lines) {
    decodeLine(raw); // refuses non-UTF-8 bytes with the line number
    const error = api.parse(Buffer.concat([raw.bytes, NEWLINE]), false, push, () => {});
    yield* drain();
    if (error) throw csvError(error as CsvError, header?.length, api);
  }
  const error = api.parse(undefined, true, push, () => {});
  yield* drain();
  if (error) throw csvError(error as CsvError, header?.length, api);
  if (header === undefined) throw new AppError("unprocessable", "the file is empty");
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
function csvError(error: CsvError, headerFields: number | undefined, api?: CsvParserApi): AppError {
  const context = error as unknown as { lines?: number; column?: number | null; record?: string[] };
  let line = typeof context.lines === "number" ? context.lines : 0;
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
    const found = context.record ?? [];
    line -= newlinesIn(found);
    const expected = headerFields === undefined ? "" : `expected ${headerFields} fields as in the header, `;
    return new AppError("unprocessable", `line ${line}: ${expected}found ${found.length}`, { line });
  }
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
