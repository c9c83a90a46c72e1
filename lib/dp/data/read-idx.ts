import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";

export interface IdxArray {
  /** e.g. [60000, 28, 28] for images, [60000] for labels. */
  shape: number[];
  data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;

/**
 * Reads an IDX file (the MNIST / Fashion-MNIST format: a magic number naming the element type and
 * rank, big-endian dimension sizes, then the data), gzipped or not. Only unsigned-byte data, which
 * is all these datasets use. Format: http://yann.lecun.com/exdb/mnist/ ("FILE FORMATS").
 */
export async function readIdx(path: string, limit?: number): Promise<IdxArray> {
  let bytes = new Uint8Array(await readFile(path));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`readIdx: ${path} is not an IDX file`);
  if (bytes[2] !== UNSIGNED_BYTE) throw new Error(`readIdx: ${path} holds type 0x${bytes[2]!.toString(16)}, only unsigned bytes are read`);
  const rank = bytes[3]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const offset = 4 + 4 * rank;
  const itemSize = shape.slice(1).reduce((a, b) => a * b, 1);
  const count = limit === undefined ? shape[0]! : Math.min(limit, shape[0]!);
  if (bytes.length < offset + shape[0]! * itemSize) throw new Error(`readIdx: ${path} is truncated`);
  return { shape: [count, ...shape.slice(1)], data: bytes.subarray(offset, offset + count * itemSize) };
}
