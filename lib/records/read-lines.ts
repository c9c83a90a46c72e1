import { createReadStream } from "node:fs";
import { AppError } from "../errors/index.ts";

/** One physical line: its bytes without the `\n` (and without a trailing `\r`). */
export interface RawLine {
  line: number;
  bytes: Buffer;
}

/** Longest line (or quoted CSV record) read; beyond it a file is refused rather than held in memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const NUL = 0x00;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function openInput(input: NodeJS.ReadableStream | string): NodeJS.ReadableStream {
  return typeof input === "string" ? createReadStream(input, { highWaterMark: 256 * 1024 }) : input;
}

/**
 * Splits a byte stream into lines without decoding it: UTF-8 never puts 0x0A inside a multi-byte
 * sequence, so splitting bytes first gives exact line numbers for encoding errors later, and a
 * character split across chunks is whole again before anything decodes it.
 * Throws on an empty input, a NUL byte (binary content) and lines longer than MAX_LINE_BYTES.
 */
export async function* readLines(input: NodeJS.ReadableStream | string): AsyncGenerator<RawLine> {
  const stream = openInput(input);
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  let totalBytes = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
      totalBytes += buffer.length;
      let start = 0;
      for (;;) {
        const newline = buffer.indexOf(NEWLINE, start);
        if (newline === -1) break;
        const tail = buffer.subarray(start, newline);
        const bytes = pieces.length === 0 ? tail : Buffer.concat([...pieces, tail]);
        pieces = [];
        pendingBytes = 0;
        yield finishLine(bytes, line);
        line += 1;
        start = newline + 1;
      }
      if (start < buffer.length) {
        const rest = buffer.subarray(start);
        pendingBytes += rest.length;
        if (pendingBytes > MAX_LINE_BYTES) {
          throw new AppError("unprocessable", `line ${line}: longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`, { line });
        }
        if (rest.indexOf(NUL) !== -1) throw binaryContent(line);
        pieces.push(rest);
      }
    }
    if (totalBytes === 0) throw new AppError("unprocessable", "the file is empty");
    if (pieces.length > 0) yield finishLine(Buffer.concat(pieces), line);
  } finally {
    // Stops reading a file we opened when the consumer leaves early.
    if (typeof input === "string") (stream as import("node:fs").ReadStream).destroy();
  }
}

function finishLine(raw: Buffer, line: number): RawLine {
  let bytes = raw;
  if (line === 1 && bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3);
  if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
  if (bytes.length > MAX_LINE_BYTES) {
    throw new AppError("unprocessable", `line ${line}: longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`, { line });
  }
  if (bytes.indexOf(NUL) !== -1) throw binaryContent(line);
  return { line, bytes };
}

function binaryContent(line: number): AppError {
  return new AppError(
    "unprocessable",
    `line ${line}: binary content (a NUL byte); upload CSV, JSON Lines or UTF-8 text`,
    { line },
  );
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes one line, refusing bytes that are not UTF-8 instead of replacing them. */
export function decodeLine({ line, bytes }: RawLine): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("unprocessable", `line ${line}: not valid UTF-8 text`, { line });
  }
}
