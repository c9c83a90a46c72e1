import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { LocalBlobStore } from "./local-blob-store.ts";

// sha256("abc"), FIPS 180-2 appendix B.1.
const ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

let root: string;
let store: LocalBlobStore;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "blobs-"));
  store = new LocalBlobStore(root);
});

function chunks(...parts: string[]): Readable {
  return Readable.from(parts.map((part) => Buffer.from(part)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

describe("LocalBlobStore", () => {
  it("stores content under ab/cd/<sha256> and reads it back", async () => {
    const result = await store.putStream(chunks("a", "bc"), { maxBytes: 10 });
    expect(result).toEqual({ key: ABC_SHA256, sha256: ABC_SHA256, sizeBytes: 3, created: true });
    expect(store.blobPath(ABC_SHA256)).toBe(join(root, "ba", "78", ABC_SHA256));
    expect(readFileSync(store.blobPath(ABC_SHA256), "utf8")).toBe("abc");
    expect(await text(store.openBlob(ABC_SHA256))).toBe("abc");
    expect(await store.hasBlob(ABC_SHA256)).toBe(true);
    expect(filesUnder(root)).toEqual([join("ba", "78", ABC_SHA256)]);
    // Immutable once stored.
    expect(statSync(store.blobPath(ABC_SHA256)).mode & 0o222).toBe(0);
  });

  it("stores identical content once", async () => {
    await store.putStream(chunks("abc"), { maxBytes: 10 });
    const again = await store.putStream(chunks("ab", "c"), { maxBytes: 10 });
    expect(again.created).toBe(false);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it("lets exactly one of many concurrent identical uploads create the blob", async () => {
    const content = "x".repeat(200_000);
    const results = await Promise.all(Array.from({ length: 6 }, () => store.putStream(chunks(content), { maxBytes: 1_000_000 })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.key))).toEqual(new Set([createHash("sha256").update(content).digest("hex")]));
    expect(filesUnder(root)).toHaveLength(1);
  });

  it("refuses more than maxBytes, naming the limit, and leaves no file", async () => {
    const error = await refusal(store.putStream(chunks("1234", "5678", "9"), { maxBytes: 8 }));
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toBe("the file is larger than the upload limit of 8 B");
    expect(error.details).toEqual({ maxBytes: 8 });
    expect(filesUnder(root)).toEqual([]);
  });

  it("accepts exactly maxBytes", async () => {
    expect((await store.putStream(chunks("1234", "5678"), { maxBytes: 8 })).sizeBytes).toBe(8);
  });

  it("refuses an empty stream and leaves no file", async () => {
    const error = await refusal(store.putStream(chunks(), { maxBytes: 8 }));
    expect(error.code).toBe("unprocessable");
    expect(error.message).toBe("the file is empty");
    expect(filesUnder(root)).toEqual([]);
  });

  it("cleans up when the source fails midway (a dropped connection)", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 1));
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(store.putStream(failing, { maxBytes: 10_000 })).rejects.toThrow("connection reset");
    expect(filesUnder(root)).toEqual([]);
  });

  it("reports a missing blob as not_found, refuses malformed keys, deletes idempotently", async () => {
    const missing = "0".repeat(64);
    expect(await store.hasBlob(missing)).toBe(false);
    const error = await refusal(text(store.openBlob(missing)));
    expect(error.code).toBe("not_found");
    expect(() => store.blobPath("../../etc/passwd")).toThrow(AppError);
    await store.putStream(chunks("abc"), { maxBytes: 10 });
    await store.deleteBlob(ABC_SHA256);
    await store.deleteBlob(ABC_SHA256);
    expect(await store.hasBlob(ABC_SHA256)).toBe(false);
  });

  it("keeps named objects beside the blobs, replaced whole, and refuses names that could escape", async () => {
    expect(await store.getNamedObject("audit-log-anchor.json")).toBeUndefined();
    await store.putNamedObject("audit-log-anchor.json", "one");
    await store.putNamedObject("audit-log-anchor.json", "two");
    expect(await store.getNamedObject("audit-log-anchor.json")).toBe("two");
    expect(filesUnder(root)).toEqual(["named/audit-log-anchor.json"]);
    await expect(store.putNamedObject("../escape", "x")).rejects.toThrow(/not a valid object name/);
    await expect(store.getNamedObject("a/b")).rejects.toThrow(/not a valid object name/);
  });
});
