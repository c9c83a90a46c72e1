import { createWriteStream } from "node:fs";
import { once } from "node:events";

/** Writes one line per item, waiting for the stream to drain: the seed files run to megabytes. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
