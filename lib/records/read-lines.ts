import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { AppError } from "../errors/index.ts";

/** Consecutive lines of a file, without their `\n` (and a trailing `\r`): lines `first` to `first + count - 1`. */
export interface LineBatch {
  first: number;
  count: number;
  /**
   * Line `first + i`, decoded when asked (a string made early would outlive many young-generation
   * collections and be promoted, growing the heap), or undefined when it is not valid UTF-8 (see notUtf8).
   */
  text(i: number): string | undefined;
}

/** Longest line (or quoted CSV record) read; beyond it a file is refused rather than held in memory. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const NUL = 0x00;
const UTF8_BOM = "\uFEFF";

export function openInput(input: NodeJS.ReadableStream | string): NodeJS.ReadableStream {
  return typeof input === "string" ? createReadStream(input, { highWaterMark: 256 * 1024 }) : input;
}

/**
 * Splits a byte stream into lines, one batch per chunk: UTF-8 never puts 0x0A inside a multi-byte
 * sequence, so splitting bytes first gives exact line numbers for encoding errors, and a character
 * split across chunks is whole again before anything decodes it. A chunk's complete lines are
 * validated as UTF-8 in one call and each decoded on its own (a line's string then holds no memory
 * of its neighbours). Throws, after yielding the lines before it, on a NUL byte (binary content) and
 * on a line longer than MAX_LINE_BYTES; throws on an empty input.
 */
export async function* readLines(input: NodeJS.ReadableStream | string): AsyncGenerator<LineBatch> {
  const stream = openInput(input);
  let pieces: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  let totalBytes = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      totalBytes += buffer.length;
      let start = 0;
      if (pieces.length > 0) {
        // Only the line that began in earlier chunks is copied together; the rest is read in place.
        const newline = buffer.indexOf(NEWLINE);
        if (newline !== -1) {
          const { batch, error } = splitLines(Buffer.concat([...pieces, buffer.subarray(0, newline + 1)]), line, pendingBytes + newline);
          if (batch.count > 0) yield batch;
          if (error) throw error;
          line += 1;
          pieces = [];
          pendingBytes = 0;
          start = newline + 1;
        }
      }
      const lastNewline = buffer.lastIndexOf(NEWLINE);
      if (lastNewline >= start) {
        const { batch, error } = splitLines(buffer.subarray(start, lastNewline + 1), line, buffer.indexOf(NEWLINE, start) - start);
        if (batch.count > 0) yield batch;
        if (error) throw error;
        line += batch.count;
        start = lastNewline + 1;
      }
      const rest = buffer.subarray(start);
      if (rest.length > 0) {
        pendingBytes += rest.length;
        if (pendingBytes > MAX_LINE_BYTES) throw tooLong(line);
        if (rest.indexOf(NUL) !== -1) throw binaryContent(line);
        pieces.push(rest);
      }
    }
    if (totalBytes === 0) throw new AppError("unprocessable", "the file is empty");
    if (pieces.length > 0) {
      const bytes = Buffer.concat(pieces);
      const { batch, error } = splitLines(Buffer.concat([bytes, Buffer.from([NEWLINE])]), line, bytes.length);
      if (batch.count > 0) yield batch;
      if (error) throw error;
    }
  } finally {
    // Stops reading a file we opened when the consumer leaves early.
    if (typeof input === "string") (stream as import("node:fs").ReadStream).destroy();
  }
}

/**
 * The lines of `bytes` (which ends with a newline), numbered from `first`; `firstLength` is the first
 * line's length in bytes, the only one that can exceed the chunk. Stops at the first line holding a
 * NUL byte or too long, returning the error to throw once the lines before it are out.
 */
function splitLines(bytes: Buffer, first: number, firstLength: number): { batch: LineBatch; error?: AppError } {
  const starts: number[] = [];
  const ends: number[] = [];
  const nul = bytes.indexOf(NUL);
  const valid = isUtf8(nul === -1 ? bytes : bytes.subarray(0, nul));
  const batch: LineBatch = {
    first,
    count: 0,
    text(i) {
      const start = starts[i]!;
      const end = ends[i]!;
      if (!valid && !isUtf8(bytes.subarray(start, end))) return undefined;
      const text = bytes.toString("utf8", start, end);
      return first + i === 1 && text.startsWith(UTF8_BOM) ? text.slice(1) : text;
    },
  };
  // Longer lines can only start the batch (the rest fit in one chunk), but a caller's stream may push huge chunks.
  const checkLengths = firstLength > MAX_LINE_BYTES || bytes.length > MAX_LINE_BYTES;
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const line = first + starts.length;
    let end = newline;
    if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end -= 1;
    if (nul !== -1 && nul < newline) return { batch, error: binaryContent(line) };
    if (checkLengths && end - start > MAX_LINE_BYTES) return { batch, error: tooLong(line) };
    starts.push(start);
    ends.push(end);
    batch.count += 1;
    start = newline + 1;
  }
  return { batch };
}

function tooLong(line: number): AppError {
  return new AppError("unprocessable", `line ${line}: longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`, { line });
}

function binaryContent(line: number): AppError {
  return new AppError(
    "unprocessable",
    `line ${line}: binary content (a NUL byte); upload CSV, JSON Lines or UTF-8 text`,
    { line },
  );
}

/** The refusal of a line that is not UTF-8 (a LineBatch text left undefined). */
export function notUtf8(line: number): AppError {
  return new AppError("unprocessable", `line ${line}: not valid UTF-8 text`, { line });
}
