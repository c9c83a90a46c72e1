import { AppError } from "../errors/index.ts";
import { jsonDepthExceeds } from "./json-depth.ts";
import { decodeLine, type RawLine } from "./read-lines.ts";
import type { DataRecord } from "./types.ts";

export interface LineRecordOptions {
  skip: ((error: AppError) => void) | undefined;
  maxJsonDepth: number;
}

/** JSON Lines: one object per line; blank lines are ignored. */
export async function* readJsonlRecords(lines: AsyncIterable<RawLine>, options: LineRecordOptions): AsyncGenerator<DataRecord> {
  let sawContent = false;
  for await (const raw of lines) {
    let record: DataRecord | undefined;
    try {
      const text = decodeLine(raw);
      if (text.trim() === "") continue;
      sawContent = true;
      record = parseJsonLine(text, raw.line, options.maxJsonDepth);
    } catch (error) {
      if (options.skip && error instanceof AppError) {
        sawContent = true;
        options.skip(error);
        continue;
      }
      throw error;
    }
    yield record;
  }
  if (!sawContent) throw new AppError("unprocessable", "the file is empty");
}

function parseJsonLine(text: string, line: number, maxJsonDepth: number): DataRecord {
  if (jsonDepthExceeds(text, maxJsonDepth)) {
    throw new AppError("unprocessable", `line ${line}: JSON nested deeper than ${maxJsonDepth} levels`, { line });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the input, which may be PII: keep only the position.
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    const where = position === undefined ? "" : ` (at column ${Number(position) + 1})`;
    throw new AppError("unprocessable", `line ${line}: invalid JSON${where}`, { line });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    throw new AppError("unprocessable", `line ${line}: expected a JSON object, found ${kind}`, { line });
  }
  const fields = value as Record<string, unknown>;
  return { id: recordId(fields.id, line), line, fields };
}

function recordId(id: unknown, line: number): string {
  if (id === undefined || id === null) return String(line - 1);
  if (typeof id === "string") return id;
  if (typeof id === "object") return JSON.stringify(id);
  return String(id);
}
