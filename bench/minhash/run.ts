// Near-duplicate detection throughput: records/s for 10k, 100k and (with --full) 1M synthetic
// ~1 KB records, 10% of them near-copies of an earlier record (3 words changed). Texts are
// generated 10,000 at a time outside the timed sections and never all held (the index keeps no
// texts, as the two-pass file scan). 1M takes about a minute on an idle core, so it is opt-in.
//
//   npx tsx bench/minhash/run.ts          # 10k, 100k
//   npx tsx bench/minhash/run.ts --full   # also 1M
//   npx tsx bench/minhash/run.ts --file   # also 100k end to end from a JSON Lines file (lib/records, two passes)
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mulberry32 } from "../../lib/numerics/index.ts";
import { findNearDuplicatesInFile, NearDuplicateIndex } from "../../lib/scan/dedup/index.ts";

const TARGET_RECORDS_PER_SECOND = 20_000;
const sizes = process.argv.includes("--full") ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];

// A Zipf-like vocabulary of 20,000 words of 2 to 8 letters, 5 on average (English averages ~4.7),
// so ~1 KB is ~165 words: word w has weight 1/(w+1).
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => wordFor(i));
const cumulative = new Float64Array(VOCABULARY.length);
for (let i = 0, total = 0; i < VOCABULARY.length; i++) cumulative[i] = total += 1 / (i + 1);

function wordFor(i: number): string {
  const next = mulberry32(1_000_003 + i);
  const length = 2 + Math.floor(next() * 7);
  let word = "";
  for (let j = 0; j < length; j++) word += String.fromCharCode(97 + Math.floor(next() * 26));
  return word;
}

function pickWord(next: () => number): string {
  const target = next() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

/** Record i: ~1 KB of words; every tenth record (from 10 on) is record i − 7 with 3 words changed. */
function textOf(i: number): string {
  if (i >= 10 && i % 10 === 0) {
    const words = textOf(i - 7).split(" ");
    const next = mulberry32(i * 7919);
    for (let edit = 0; edit < 3; edit++) words[Math.floor(next() * words.length)] = pickWord(next);
    return words.join(" ");
  }
  const next = mulberry32(i + 1);
  const words: string[] = [];
  let length = 0;
  while (length < 1000) {
    const word = pickWord(next);
    words.push(word);
    length += word.length + 1;
  }
  return words.join(" ");
}

/**
 * Scans n records. Texts are generated 10,000 at a time outside the timed sections, so `scanSeconds`
 * (wall) and `cpuSeconds` cover the scanner alone: hashing every record, then candidates and
 * verification (which regenerates only the candidates' texts, as a second file pass would read them).
 */
function run(n: number): { scanSeconds: number; cpuSeconds: number; pairs: number; bytes: number } {
  const index = new NearDuplicateIndex({ threshold: 0.8, keepTexts: false });
  let bytes = 0;
  let scanSeconds = 0;
  let cpuSeconds = 0;
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = work();
    const cpu = process.cpuUsage(cpuStarted);
    scanSeconds += (performance.now() - started) / 1000;
    cpuSeconds += (cpu.user + cpu.system) / 1e6;
    return result;
  };
  const CHUNK = 10_000;
  for (let start = 0; start < n; start += CHUNK) {
    const texts = Array.from({ length: Math.min(CHUNK, n - start) }, (_, i) => textOf(start + i));
    for (const text of texts) bytes += text.length;
    timed(() => {
      for (const text of texts) index.add(text);
    });
  }
  const needed = timed(() => index.contentsToVerify("within"));
  const texts = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const content = index.contentOf(i);
    if (needed.has(content) && !texts.has(content)) texts.set(content, textOf(i));
  }
  const pairs = timed(() => index.pairs("within", texts));
  return { scanSeconds, cpuSeconds, pairs: pairs.length, bytes };
}

run(2_000); // warm up the JIT
console.log(`near-duplicate scan, threshold 0.8, 128 permutations, ${new NearDuplicateIndex().bands} bands; target ${TARGET_RECORDS_PER_SECOND} records/s`);
// CPU time as well as wall time: the figure asked for is per core, and a shared machine stretches wall time.
console.log("records    avg bytes  pairs     scan wall s  scan CPU s  records/s (wall)  records/s per core (CPU)");
for (const n of sizes) {
  const { scanSeconds, cpuSeconds, pairs, bytes } = run(n);
  console.log(
    [
      String(n).padEnd(10),
      String(Math.round(bytes / n)).padEnd(10),
      String(pairs).padEnd(9),
      scanSeconds.toFixed(2).padEnd(12),
      cpuSeconds.toFixed(2).padEnd(11),
      String(Math.round(n / scanSeconds)).padEnd(17),
      String(Math.round(n / cpuSeconds)),
    ].join(" "),
  );
}

if (process.argv.includes("--file")) {
  const n = 100_000;
  const directory = await mkdtemp(join(tmpdir(), "canary-minhash-bench-"));
  try {
    const path = join(directory, "texts.jsonl");
    const out = createWriteStream(path);
    for (let i = 0; i < n; i++) if (!out.write(`${JSON.stringify({ id: `r${i}`, text: textOf(i) })}\n`)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { pairs } = await findNearDuplicatesInFile(path);
    let count = 0;
    for (const _ of pairs) count++;
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${n} records from JSON Lines, end to end (read twice through lib/records): ${count} pairs, ${seconds.toFixed(2)} s wall, ` +
        `${cpuSeconds.toFixed(2)} s CPU, ${Math.round(n / seconds)} records/s (wall), ${Math.round(n / cpuSeconds)} records/s per core (CPU)`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
