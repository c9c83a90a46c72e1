import { NearDuplicateIndex } from "./near-duplicate-index.ts";
import { collectTexts, readIntoIndex, type FileReadOptions } from "./read-into-index.ts";
import type { DuplicateOptions, DuplicatePair } from "./types.ts";

export interface FileDuplicateOptions extends DuplicateOptions, Omit<FileReadOptions, "field"> {}

export interface FileDuplicates {
  /** In order of (a, b), produced as iterated (each iteration starts over), never all held at once. */
  pairs: Iterable<DuplicatePair>;
  records: number;
  /** Records left after merging those with equal normalised text. */
  distinctTexts: number;
}

/**
 * findNearDuplicates over a CSV, JSON Lines or text file, in two streaming passes so only the
 * candidates' texts are ever held: the first hashes every record, the second re-reads the texts
 * of records in candidate pairs to verify them exactly (on the first iteration of `pairs`).
 *
 * @throws AppError unprocessable naming the line of a malformed record; bad_request for a `field` no record has.
 */
export async function findNearDuplicatesInFile(path: string, options: FileDuplicateOptions = {}): Promise<FileDuplicates> {
  const index = new NearDuplicateIndex({ ...options, keepTexts: false });
  const ids = await readIntoIndex(index, path, 0, options);
  const texts = new Map<number, string>();
  await collectTexts(index, path, 0, index.contentsToVerify("within"), texts, options);
  const pairs = {
    *[Symbol.iterator]() {
      for (const { a, b, jaccard } of index.orderedPairs("within", texts)) yield { a: ids[a]!, b: ids[b]!, jaccard };
    },
  };
  return { pairs, records: ids.length, distinctTexts: index.distinctTexts };
}
