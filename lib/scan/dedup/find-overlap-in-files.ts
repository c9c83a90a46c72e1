import { NearDuplicateIndex } from "./near-duplicate-index.ts";
import type { FileDuplicateOptions } from "./find-near-duplicates-in-file.ts";
import { collectTexts, readIntoIndex } from "./read-into-index.ts";
import type { DuplicatePair } from "./types.ts";

export interface FileOverlap {
  /** a is a record id of file A, b of file B; in order of (a, b), produced as iterated (see FileDuplicates). */
  pairs: Iterable<DuplicatePair>;
  recordsA: number;
  recordsB: number;
}

/**
 * findOverlap between two files (each CSV, JSON Lines or text), in two streaming passes over each
 * (see findNearDuplicatesInFile).
 *
 * @throws AppError unprocessable naming the line of a malformed record; bad_request for a `field` no record has.
 */
export async function findOverlapInFiles(pathA: string, pathB: string, options: FileDuplicateOptions & { formatB?: FileDuplicateOptions["format"] } = {}): Promise<FileOverlap> {
  const optionsB = { ...options, format: options.formatB };
  const index = new NearDuplicateIndex({ ...options, keepTexts: false });
  const idsA = await readIntoIndex(index, pathA, 0, options);
  const idsB = await readIntoIndex(index, pathB, 1, optionsB);
  const needed = index.contentsToVerify("across");
  const texts = new Map<number, string>();
  await collectTexts(index, pathA, 0, needed, texts, options);
  await collectTexts(index, pathB, idsA.length, needed, texts, optionsB);
  const ids = idsA.concat(idsB);
  const pairs = {
    *[Symbol.iterator]() {
      for (const { a, b, jaccard } of index.orderedPairs("across", texts)) yield { a: ids[a]!, b: ids[b]!, jaccard };
    },
  };
  return { pairs, recordsA: idsA.length, recordsB: idsB.length };
}
