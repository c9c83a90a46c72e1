export { findNearDuplicates } from "./find-near-duplicates.ts";
export { findOverlap } from "./find-overlap.ts";
export { findExactDuplicates, type ExactDuplicateGroup } from "./find-exact-duplicates.ts";
export { findNearDuplicatesInFile, type FileDuplicateOptions, type FileDuplicates } from "./find-near-duplicates-in-file.ts";
export { findOverlapInFiles, type FileOverlap } from "./find-overlap-in-files.ts";
export { clusterDuplicates, type DuplicateClusters } from "./cluster-duplicates.ts";
export { NearDuplicateIndex, LSH_WEIGHTS, type NearDuplicateIndexOptions, type NearDuplicatePair, type PairScope } from "./near-duplicate-index.ts";
export { MinHash, estimateJaccard } from "./minhash.ts";
export { optimalLshParams, type LshParams, type OptimalLshParamsOptions } from "./optimal-lsh-params.ts";
export { normaliseText } from "./normalise-text.ts";
export { recordText } from "./record-text.ts";
export { contentHash } from "./content-hash.ts";
export { shingleTexts, shingleHashes, hashShingles, SHINGLE_WORDS } from "./shingles.ts";
export { ShingleSet } from "./shingle-set.ts";
export { murmurHash3String, murmurHash3Bytes, murmurHash3Ints, hashWords } from "./murmur3.ts";
export type { DedupRecord, DuplicatePair, DuplicateOptions } from "./types.ts";
// read-into-index.ts (the two file passes) stays internal.
