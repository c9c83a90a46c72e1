import { AppError } from "../errors/index.ts";
import { decodeLine, type RawLine } from "./read-lines.ts";
import type { DataRecord } from "./types.ts";

/** Plain text: one record per non-empty line, `fields: { text }`. */
export async function* readTextRecords(
  lines: AsyncIterable<RawLine>,
  skip: ((error: AppError) => void) | undefined,
): AsyncGenerator<DataRecord> {
  let sawContent = false;
  for await (const raw of lines) {
    let text: string;
    try {
      text = decodeLine(raw);
    } catch (error) {
      if (skip && error instanceof AppError) {
        sawContent = true;
        skip(error);
        continue;
      }
      throw error;
    }
    if (text === "") continue;
    sawContent = true;
    yield { id: String(raw.line - 1), line: raw.line, fields: { text } };
  }
  if (!sawContent) throw new AppError("unprocessable", "the file is empty");
}
