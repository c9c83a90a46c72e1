import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { access, chmod, link, mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough, Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors/index.ts";
import { formatBytes } from "../format/index.ts";
import type { BlobStore, PutBlobOptions, PutBlobResult } from "./blob-store.ts";

const KEY_PATTERN = /^[0-9a-f]{64}$/;
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * Blobs in a local folder at `ab/cd/<sha256>`. Uploads stream into `tmp/` of the same folder (so
 * the final step is a same-filesystem link) while hashing; nothing reaches its final name before
 * its hash and size are known. Named objects live in `named/<name>`, replaced by a rename.
 */
export class LocalBlobStore implements BlobStore {
  readonly rootDir: string;

  constructor(rootDir: string) {
    if (!rootDir) throw new Error("LocalBlobStore: rootDir is required");
    this.rootDir = rootDir;
  }

  async putStream(stream: NodeJS.ReadableStream, { maxBytes }: PutBlobOptions): Promise<PutBlobResult> {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new Error(`putStream: maxBytes must be a positive integer, got ${maxBytes}`);
    const tmpDir = join(this.rootDir, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash("sha256");
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) {
          callback(new AppError("payload_too_large", `the file is larger than the upload limit of ${formatBytes(maxBytes)}`, { maxBytes }));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, createWriteStream(tmpPath, { flags: "wx", mode: 0o600 }));
      if (sizeBytes === 0) throw new AppError("unprocessable", "the file is empty");
      const sha256 = hash.digest("hex");
      const finalPath = this.blobPath(sha256);
      await mkdir(join(finalPath, ".."), { recursive: true });
      await chmod(tmpPath, 0o444);
      let created = true;
      try {
        // link() fails when the name exists, so of two identical uploads exactly one creates.
        await link(tmpPath, finalPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        created = false;
      }
      return { key: sha256, sha256, sizeBytes, created };
    } finally {
      await rm(tmpPath, { force: true });
    }
  }

  openBlob(key: string): Readable {
    return wrapMissing(createReadStream(this.blobPath(key), { highWaterMark: 256 * 1024 }), key);
  }

  blobPath(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new AppError("bad_request", "a blob key is a sha256 in lowercase hex", { field: "key" });
    return join(this.rootDir, key.slice(0, 2), key.slice(2, 4), key);
  }

  async hasBlob(key: string): Promise<boolean> {
    try {
      await access(this.blobPath(key));
      return true;
    } catch (error) {
      if (error instanceof AppError) throw error;
      return false;
    }
  }

  async deleteBlob(key: string): Promise<void> {
    try {
      await unlink(this.blobPath(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  async putNamedObject(name: string, content: string): Promise<void> {
    const path = this.namedObjectPath(name);
    await mkdir(join(path, ".."), { recursive: true });
    // Written aside, then renamed over the old one: rename is atomic within a filesystem.
    const tmpPath = `${path}.${randomUUID()}.part`;
    try {
      await writeFile(tmpPath, content, { flag: "wx", mode: 0o600 });
      await rename(tmpPath, path);
    } finally {
      await rm(tmpPath, { force: true });
    }
  }

  async getNamedObject(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.namedObjectPath(name), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  private namedObjectPath(name: string): string {
    if (!NAME_PATTERN.test(name)) throw new Error(`LocalBlobStore: "${name}" is not a valid object name (a-z, 0-9, '.', '_', '-')`);
    return join(this.rootDir, "named", name);
  }
}

/** Turns ENOENT into a not_found AppError for whoever consumes the stream. */
function wrapMissing(stream: Readable, key: string): Readable {
  const passthrough = new PassThrough();
  stream.on("error", (error: NodeJS.ErrnoException) => {
    passthrough.destroy(error.code === "ENOENT" ? new AppError("not_found", `blob ${key.slice(0, 12)}… is missing from storage`) : error);
  });
  passthrough.on("close", () => stream.destroy());
  return stream.pipe(passthrough);
}
