import { AppError } from "../errors/index.ts";
import type { RecordFormat } from "./types.ts";

const FORMAT_BY_EXTENSION: Record<string, RecordFormat> = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".txt": "text",
};

export const ALLOWED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

/** The record format a file name implies, by its extension (case-insensitive). */
export function detectFormat(filename: string): RecordFormat {
  const dot = filename.lastIndexOf(".");
  const extension = dot === -1 ? "" : filename.slice(dot).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format === undefined) {
    throw new AppError(
      "unsupported_media_type",
      `unsupported file type: upload CSV (.csv), JSON Lines (.jsonl, .ndjson) or text (.txt)`,
      { field: "filename", allowed: ALLOWED_EXTENSIONS },
    );
  }
  return format;
}
