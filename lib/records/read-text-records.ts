import { AppError } from "../errors/index.ts";
import { notUtf8, type LineBatch } from "./read-lines.ts";
import type { DataRecord } from "./types.ts";

/** Plain text: one record per non-empty line, `fields: { text }`. */
export async function* readTextRecords(
  batches: AsyncIterable<LineBatch>,
  skip: ((error: AppError) => void) | undefined,
): AsyncGenerator<DataRecord> {
  let sawContent = false;
  for await (const batch of batches) {
    for (let i = 0; i < batch.count; i++) {
      const line = batch.first + i;
      const text = batch.text(i);
      if (text === undefined) {
        if (!skip) throw notUtf8(line);
        sawContent = true;
        skip(notUtf8(line));
        continue;
      }
      if (text === "") continue;
      sawContent = true;
      yield { id: String(line - 1), line, fields: { text } };
    }
  }
  if (!sawContent) throw new AppError("unprocessable", "the file is empty");
}
