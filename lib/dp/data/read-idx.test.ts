import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fashionMnistAvailable, loadFashionMnist } from "./fashion-mnist.ts";
import { readIdx } from "./read-idx.ts";

const dir = mkdtempSync(path.join(tmpdir(), "idx-"));

function idx(dims: number[], data: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt8(0x08, 2);
  header.writeUInt8(dims.length, 3);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

describe("readIdx", () => {
  it("reads shape and bytes, gzipped or not, up to a limit", async () => {
    const file = path.join(dir, "a.idx");
    writeFileSync(file, idx([3, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(await readIdx(file)).toEqual({ shape: [3, 2, 2], data: new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) });
    const gz = path.join(dir, "a.idx.gz");
    writeFileSync(gz, gzipSync(idx([3], [7, 8, 9])));
    expect(await readIdx(gz, 2)).toEqual({ shape: [2], data: new Uint8Array([7, 8]) });
  });

  it("rejects other files and truncated ones", async () => {
    const text = path.join(dir, "t.txt");
    writeFileSync(text, "hello world");
    await expect(readIdx(text)).rejects.toThrow(/not an IDX file/);
    const short = path.join(dir, "s.idx");
    writeFileSync(short, idx([4, 2], [1, 2, 3]));
    await expect(readIdx(short)).rejects.toThrow(/truncated/);
  });

  it("loads Debian's Fashion-MNIST", async () => {
    expect(fashionMnistAvailable(), "dataset-fashion-mnist is missing (scripts/bootstrap.sh installs it)").toBe(true);
    const test = await loadFashionMnist("test", 100);
    expect(test.count).toBe(100);
    expect(test.features.length).toBe(100 * 784);
    expect(Math.max(...test.labels)).toBeLessThanOrEqual(9);
    // The first test image is an ankle boot (class 9) in every copy of the dataset.
    expect(test.labels[0]).toBe(9);
  });
});
