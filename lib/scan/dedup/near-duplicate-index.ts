import { contentHash } from "./content-hash.ts";
import { MinHash } from "./minhash.ts";
import { murmurHash3Ints } from "./murmur3.ts";
import { normaliseText } from "./normalise-text.ts";
import { optimalLshParams } from "./optimal-lsh-params.ts";
import { ShingleSet } from "./shingle-set.ts";
import { hashShingles } from "./shingles.ts";

/** Two records (by the order they were added, a < b) whose shingle sets have this exact Jaccard similarity. */
export interface NearDuplicatePair {
  a: number;
  b: number;
  jaccard: number;
}

export interface NearDuplicateIndexOptions {
  /** Smallest exact Jaccard similarity of word 5-shingle sets reported. @defaultValue 0.8 */
  threshold?: number;
  /** MinHash permutations. @defaultValue 128 */
  numPerm?: number;
  /** Seed of the hash permutations. @defaultValue 1 */
  seed?: number;
  /**
   * Keep each distinct normalised text in memory for verification. Off, `pairs` asks for the
   * texts of candidate contents only (a second pass over a file). @defaultValue true
   */
  keepTexts?: boolean;
}

/**
 * Which pairs to report: `within` all pairs of the records added; `across` only pairs whose first
 * record was added with side 0 and whose second with side 1 (add every side-0 record first).
 */
export type PairScope = "within" | "across";

/**
 * Candidates are verified exactly, so a false positive costs one Jaccard computation while a false
 * negative loses a duplicate: weigh the false negative area 9:1 (datasketch's `weights`). For
 * threshold 0.8 and 128 permutations this gives 14 bands × 9 rows: a pair at exactly 0.8 becomes a
 * candidate with probability 0.87, at 0.85 with 0.975 (datasketch's default 0.5/0.5 gives 9 × 13
 * and 0.40 at 0.8).
 */
export const LSH_WEIGHTS = { falsePositiveWeight: 0.1, falseNegativeWeight: 0.9 } as const;

/**
 * Near-duplicate detection in three steps. Exact duplicates first: records are grouped by the
 * SHA-256 of their normalised text, and only one text per group is hashed further. Then MinHash
 * signatures (128 permutations over word 5-shingles) are cut into LSH bands (Leskovec, Rajaraman &
 * Ullman, Mining of Massive Datasets, sec. 3.4); texts sharing a band are candidates. Last, every
 * candidate pair is verified by the exact Jaccard similarity of its shingle sets, so no pair below
 * the threshold is ever reported (a pair above it can, rarely, never become a candidate).
 *
 * Memory per record is a few integers; per distinct text, `bands` 32-bit band keys (and the text
 * itself only with keepTexts).
 */
export class NearDuplicateIndex {
  readonly threshold: number;
  readonly numPerm: number;
  readonly bands: number;
  readonly rows: number;
  private readonly minHash: MinHash;
  private readonly signature: Uint32Array;
  private shingles = new Uint32Array(4096);
  private readonly contentByHash = new Map<string, number>();
  private readonly texts: string[] | undefined;
  private contentOfRecord = new Int32Array(1024);
  private sideOfRecord = new Uint8Array(1024);
  private contentSides = new Uint8Array(1024);
  private bandKeys: Uint32Array;
  private recordCount = 0;
  private contentCount = 0;
  // contentsToVerify and pairs both need the candidates; kept until the next add.
  private candidates: { scope: PairScope; first: Uint32Array; second: Uint32Array } | undefined;

  constructor(options: NearDuplicateIndexOptions = {}) {
    const threshold = options.threshold ?? 0.8;
    if (!(threshold > 0 && threshold <= 1)) throw new Error(`NearDuplicateIndex: threshold must be in (0, 1], got ${threshold}`);
    this.threshold = threshold;
    this.numPerm = options.numPerm ?? 128;
    this.minHash = new MinHash(this.numPerm, options.seed ?? 1);
    this.signature = new Uint32Array(this.numPerm);
    const { bands, rows } = optimalLshParams(threshold, this.numPerm, LSH_WEIGHTS);
    this.bands = bands;
    this.rows = rows;
    this.bandKeys = new Uint32Array(1024 * bands);
    this.texts = options.keepTexts === false ? undefined : [];
  }

  /** Records added so far. */
  get size(): number {
    return this.recordCount;
  }

  /** Distinct normalised texts added so far. */
  get distinctTexts(): number {
    return this.contentCount;
  }

  /** Adds one record's text (normalised here) and returns its record index, 0, 1, 2, … in order. */
  add(text: string, side: 0 | 1 = 0): number {
    this.candidates = undefined;
    const normalised = normaliseText(text);
    const hash = contentHash(normalised);
    let content = this.contentByHash.get(hash);
    if (content === undefined) {
      content = this.contentCount++;
      this.contentByHash.set(hash, content);
      this.texts?.push(normalised);
      this.storeBandKeys(content, normalised);
    }
    const record = this.recordCount++;
    if (record === this.contentOfRecord.length) {
      this.contentOfRecord = grow(this.contentOfRecord);
      this.sideOfRecord = grow(this.sideOfRecord);
    }
    this.contentOfRecord[record] = content;
    this.sideOfRecord[record] = side;
    this.contentSides[content]! |= 1 << side;
    return record;
  }

  /** The distinct-text id of a record: equal for records whose normalised texts are equal. */
  contentOf(record: number): number {
    if (record < 0 || record >= this.recordCount) throw new Error(`NearDuplicateIndex.contentOf: no record ${record}`);
    return this.contentOfRecord[record]!;
  }

  /**
   * The distinct-text ids whose texts `pairs` will need: those in at least one candidate pair.
   * Without keepTexts, read them (e.g. in a second pass, a record of each) and pass them to `pairs`.
   */
  contentsToVerify(scope: PairScope = "within"): Set<number> {
    const { first, second } = this.candidateContentPairs(scope);
    const needed = new Set<number>();
    for (let i = 0; i < first.length; i++) {
      needed.add(first[i]!);
      needed.add(second[i]!);
    }
    return needed;
  }

  /**
   * Every pair of records whose shingle sets have exact Jaccard similarity ≥ threshold, each once,
   * ordered by (a, b). `texts` maps distinct-text ids (contentsToVerify) to a text of theirs; it is
   * needed only without keepTexts.
   */
  pairs(scope: PairScope = "within", texts?: ReadonlyMap<number, string>): NearDuplicatePair[] {
    return [...this.orderedPairs(scope, texts)];
  }

  /**
   * The same pairs as `pairs`, produced one record at a time: verification runs once, up front,
   * then memory stays proportional to one record's partners, however many pairs there are
   * (n copies of one text make n(n − 1)/2 pairs).
   */
  *orderedPairs(scope: PairScope = "within", texts?: ReadonlyMap<number, string>): Generator<NearDuplicatePair> {
    const verified = this.verify(this.candidateContentPairs(scope), texts);
    const neighbours = new Map<number, { content: number; jaccard: number }[]>();
    const link = (from: number, to: number, jaccard: number) => {
      const list = neighbours.get(from);
      if (list) list.push({ content: to, jaccard });
      else neighbours.set(from, [{ content: to, jaccard }]);
    };
    for (const { a, b, jaccard } of verified) {
      link(a, b, jaccard);
      link(b, a, jaccard);
    }
    const { offsets, members } = this.membersByContent();
    const sideOf = this.sideOfRecord;
    const partners: NearDuplicatePair[] = [];
    // Partners of record a among the records of one text: those after a (and on side 1 for `across`).
    const collect = (a: number, content: number, jaccard: number) => {
      const end = offsets[content + 1]!;
      for (let i = firstAfter(members, offsets[content]!, end, a); i < end; i++) {
        const b = members[i]!;
        if (scope === "within" || sideOf[b] === 1) partners.push({ a, b, jaccard });
      }
    };
    for (let a = 0; a < this.recordCount; a++) {
      if (scope === "across" && sideOf[a] !== 0) continue;
      const content = this.contentOfRecord[a]!;
      collect(a, content, 1); // the same normalised text: identical shingle sets
      for (const { content: other, jaccard } of neighbours.get(content) ?? []) collect(a, other, jaccard);
      if (partners.length === 0) continue;
      partners.sort((p, q) => p.b - q.b);
      yield* partners;
      partners.length = 0;
    }
  }

  private storeBandKeys(content: number, normalised: string): void {
    if ((content + 1) * this.bands > this.bandKeys.length) {
      this.bandKeys = grow(this.bandKeys);
      this.contentSides = grow(this.contentSides);
    }
    if (content >= this.contentSides.length) this.contentSides = grow(this.contentSides);
    if (this.shingles.length < normalised.length + 1) this.shingles = new Uint32Array(normalised.length * 2 + 1);
    const count = hashShingles(normalised, 0, this.shingles);
    const signature = this.minHash.signature(this.shingles, count, this.signature);
    const base = content * this.bands;
    for (let band = 0; band < this.bands; band++) {
      // Seeded by the band number, so equal rows in different bands do not share a key.
      this.bandKeys[base + band] = murmurHash3Ints(signature, band * this.rows, this.rows, band);
    }
  }

  /**
   * Distinct-text pairs (first < second) that share a band key in some band. Per band, the keys
   * are sorted together with their content ids (packed as one 64-bit integer, key high, id low,
   * sorted natively) and runs of equal keys give the pairs; then pairs are packed, sorted and
   * deduplicated the same way. No per-pair objects.
   */
  private candidateContentPairs(scope: PairScope): { first: Uint32Array; second: Uint32Array } {
    if (this.candidates?.scope !== scope) this.candidates = { scope, ...this.findCandidates(scope) };
    return this.candidates;
  }

  private findCandidates(scope: PairScope): { first: Uint32Array; second: Uint32Array } {
    const n = this.contentCount;
    let packed = new BigUint64Array(Math.max(16, n));
    let packedWords = new Uint32Array(packed.buffer);
    let pairCount = 0;
    const keys = new BigUint64Array(n);
    const keyWords = new Uint32Array(keys.buffer);
    const sides = this.contentSides;
    const wanted = (u: number, v: number) =>
      scope === "within" || ((sides[u]! & 1) !== 0 && (sides[v]! & 2) !== 0) || ((sides[u]! & 2) !== 0 && (sides[v]! & 1) !== 0);

    for (let band = 0; band < this.bands; band++) {
      for (let c = 0; c < n; c++) {
        keyWords[2 * c] = c;
        keyWords[2 * c + 1] = this.bandKeys[c * this.bands + band]!;
      }
      keys.sort();
      for (let start = 0; start < n; ) {
        const key = keyWords[2 * start + 1]!;
        let end = start + 1;
        while (end < n && keyWords[2 * end + 1] === key) end++;
        for (let i = start; i < end; i++) {
          const u = keyWords[2 * i]!;
          for (let j = i + 1; j < end; j++) {
            const v = keyWords[2 * j]!;
            if (!wanted(u, v)) continue;
            if (pairCount === packed.length) {
              packed = grow(packed);
              packedWords = new Uint32Array(packed.buffer);
            }
            packedWords[2 * pairCount] = v;
            packedWords[2 * pairCount + 1] = u;
            pairCount++;
          }
        }
        start = end;
      }
    }

    const sorted = packed.subarray(0, pairCount).sort();
    const sortedWords = new Uint32Array(sorted.buffer, 0, 2 * pairCount);
    const first: number[] = [];
    const second: number[] = [];
    for (let i = 0; i < pairCount; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) continue;
      first.push(sortedWords[2 * i + 1]!);
      second.push(sortedWords[2 * i]!);
    }
    return { first: Uint32Array.from(first), second: Uint32Array.from(second) };
  }

  private verify(candidates: { first: Uint32Array; second: Uint32Array }, texts: ReadonlyMap<number, string> | undefined): NearDuplicatePair[] {
    const sets = new Map<number, ShingleSet>();
    const setOf = (content: number): ShingleSet => {
      let set = sets.get(content);
      if (set) return set;
      const text = this.texts?.[content] ?? texts?.get(content);
      if (text === undefined) throw new Error(`NearDuplicateIndex.pairs: no text given for content ${content}`);
      set = ShingleSet.of(normaliseText(text));
      sets.set(content, set);
      return set;
    };
    const verified: NearDuplicatePair[] = [];
    for (let i = 0; i < candidates.first.length; i++) {
      const u = candidates.first[i]!;
      const v = candidates.second[i]!;
      const jaccard = setOf(u).jaccard(setOf(v));
      if (jaccard >= this.threshold) verified.push({ a: u, b: v, jaccard });
    }
    return verified;
  }

  /** Records of each distinct text, ascending (counting sort: CSR offsets into one array). */
  private membersByContent(): { offsets: Int32Array; members: Int32Array } {
    const offsets = new Int32Array(this.contentCount + 1);
    for (let r = 0; r < this.recordCount; r++) offsets[this.contentOfRecord[r]! + 1]!++;
    for (let c = 0; c < this.contentCount; c++) offsets[c + 1]! += offsets[c]!;
    const next = offsets.slice(0, this.contentCount);
    const members = new Int32Array(this.recordCount);
    for (let r = 0; r < this.recordCount; r++) members[next[this.contentOfRecord[r]!]!++] = r;
    return { offsets, members };
  }
}

/** The first index in members[start..end) (ascending) holding a record after `record`. */
function firstAfter(members: Int32Array, start: number, end: number, record: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (members[mid]! <= record) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grow<T extends Int32Array | Uint32Array | Uint8Array | BigUint64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array as never);
  return bigger;
}
