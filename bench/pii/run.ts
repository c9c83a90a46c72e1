// PII scan throughput on a realistic mixed CSV: prints MB/s (single thread, one "worker") and peak RSS.
//   npx tsx bench/pii/run.ts [sizeMiB=256] [--keep] [--generate-only] [--baseline DIR] [--heap MiB]
// (--generate-only writes and keeps the file, for measuring `canary scan pii` itself with /usr/bin/time -v.)
// Rows mix identifiers, people, contacts, addresses, payment data, network data, timestamps, amounts,
// statuses and a free-text note (sometimes holding an email, phone, card or name). Names, places and
// sentences come from pools generated with @faker-js/faker (seeded); the rest is drawn per row.
// Four figures, each measured in a fresh child process on the same file: reading alone (lib/records), the
// full scan (scanPii = reading + detection + column statistics) with its peak RSS, and detection alone over
// 20,000 in-memory records. Goal: ≥ 50 MB/s scan, peak RSS < 300 MB.
// --baseline DIR measures the lib/ of another revision too and prints both side by side, e.g.
//   mkdir /tmp/base && git archive HEAD~1 lib package.json | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
// --heap MiB starts the measuring processes with --max-old-space-size: with Node's default sizing, peak RSS
// is mostly heap V8 has not collected yet, not data the scan keeps.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { faker } from "@faker-js/faker";

const MiB = 1024 * 1024;
const sizeMiB = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 256);
const generateOnly = process.argv.includes("--generate-only");
const keep = generateOnly || process.argv.includes("--keep");
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const baseline = option("--baseline");
const heapMiB = option("--heap");
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const POOL = 4096;

function pool(make: () => string): string[] {
  return Array.from({ length: POOL }, make);
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A small xorshift generator: rows are reproducible and cheap to draw. */
let seed = 2463534242;
function rand(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}
const digits = (n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rand(10));
  return s;
};
const pick = <T>(values: readonly T[]): T => values[rand(values.length)]!;

function luhnCard(): string {
  const body = `4${digits(14)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  const card = body + String((10 - (sum % 10)) % 10);
  return rand(2) === 0 ? card : card.match(/\d{4}/g)!.join(" ");
}

/** A German IBAN with valid check digits (ISO 13616 mod 97). */
function germanIban(): string {
  const bban = digits(18);
  let r = 0;
  for (const ch of `${bban}131400`) r = (r * 10 + Number(ch)) % 97;
  return `DE${String(98 - r).padStart(2, "0")}${bban}`;
}

function isoDate(fromYear: number, years: number): string {
  return `${fromYear + rand(years)}-${String(1 + rand(12)).padStart(2, "0")}-${String(1 + rand(28)).padStart(2, "0")}`;
}

/**
 * Low-cardinality columns (names, cities, statuses, versions, websites) draw from pools, as in real
 * data; identifiers, contacts, payment data, addresses and notes are drawn afresh for every row, so
 * scanPii's cache of repeated values helps only where a real file would let it.
 */
async function writeCsv(file: string, bytes: number): Promise<number> {
  faker.seed(42);
  const firstNames = pool(() => faker.person.firstName());
  const lastNames = pool(() => faker.person.lastName());
  const streets = pool(() => faker.location.street());
  const cities = pool(() => faker.location.city());
  const countries = pool(() => faker.location.country());
  const domains = ["gmail.com", "yahoo.com", "hotmail.com", "example.org", "mail.example.net", "outlook.com"];
  const websites = pool(() => faker.internet.url());
  const versions = pool(() => faker.system.semver());
  const sentences = pool(() => faker.lorem.sentence({ min: 6, max: 18 }));
  const phone = () => `(${2 + rand(8)}${digits(2)}) ${2 + rand(8)}${digits(2)}-${digits(4)}`;
  const header = "customer_id,uuid,first_name,last_name,email,phone,street_address,city,country,birthdate,ssn,card_number,iban,ip_address,website,order_number,amount,status,app_version,created_at,notes";
  const out = createWriteStream(file);
  let written = 0;
  let rows = 0;
  let chunk = `${header}\n`;
  while (written < bytes) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const roll = rand(100);
    const sentence = pick(sentences);
    const note =
      roll < 10 ? `${sentence} Contact ${first.toLowerCase()}${rand(999)}@${pick(domains)}.` : roll < 15 ? `${sentence} Call ${phone()}.` : roll < 18 ? `Refund to card ${luhnCard()}. ${sentence}` : roll < 25 ? `${first} ${last} said: ${sentence}` : sentence;
    const row = [
      String(rows + 1),
      randomUUID(),
      first,
      last,
      `${first}.${last}${rand(1000)}@${pick(domains)}`.toLowerCase(),
      phone(),
      `${1 + rand(9999)} ${pick(streets)}`,
      pick(cities),
      pick(countries),
      isoDate(1940, 65),
      `${100 + rand(565)}-${10 + rand(90)}-${1000 + rand(9000)}`,
      luhnCard(),
      germanIban(),
      rand(5) === 0 ? `2001:db8:${rand(65536).toString(16)}::${rand(65536).toString(16)}` : `${1 + rand(223)}.${rand(256)}.${rand(256)}.${1 + rand(254)}`,
      pick(websites),
      `ORD-${2019 + rand(8)}-${digits(6)}`,
      `${rand(5000)}.${digits(2)}`,
      pick(["active", "pending", "closed", "suspended"]),
      pick(versions),
      `${isoDate(2022, 4)}T${String(rand(24)).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")}.${digits(3)}Z`,
      note,
    ];
    chunk += `${row.map(csvCell).join(",")}\n`;
    rows++;
    if (chunk.length > 1 << 20) {
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.once("finish", () => resolve()));
  return rows;
}

function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

interface Figures {
  readMBs: number;
  scanMBs: number;
  scanMBperCpuSecond: number;
  detectMBs: number;
  peakRssMiB: number;
  findings: number;
  columns: string[];
}

/** The child's side: measures the lib/ under `root` on `file` and prints its figures as one JSON line. */
async function measure(root: string, file: string): Promise<void> {
  const lib = (relative: string) => import(pathToFileURL(path.join(root, relative)).href);
  const { readRecords } = await lib("lib/records/index.ts");
  const { classifyColumns, createColumnStats, scanPii, scanRecord } = await lib("lib/scan/pii/index.ts");
  const size = (await stat(file)).size;
  let t = performance.now();
  for await (const _record of readRecords(file, { format: "csv" })) {
    // reading only
  }
  const readSeconds = (performance.now() - t) / 1000;
  const columnStats = createColumnStats();
  t = performance.now();
  const cpuBefore = process.cpuUsage();
  let findings = 0;
  for await (const _finding of scanPii(file, { format: "csv", columnStats })) findings++;
  const scanSeconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // Peak RSS of reading and scanning, before the detection sample below holds records in memory.
  const peak = peakRssMiB();
  // Detection alone: the first 20,000 records held in memory, scanned three times.
  const sample: { id: string; fields: Record<string, unknown> }[] = [];
  let sampleBytes = 0;
  for await (const record of readRecords(file, { format: "csv" })) {
    sample.push(record);
    sampleBytes += Object.values(record.fields).reduce((n: number, v) => n + Buffer.byteLength(String(v)) + 1, 0);
    if (sample.length === 20_000) break;
  }
  t = performance.now();
  for (let pass = 0; pass < 3; pass++) for (const record of sample) scanRecord(record);
  const detectSeconds = (performance.now() - t) / 1000;
  const figures: Figures = {
    readMBs: size / MiB / readSeconds,
    scanMBs: size / MiB / scanSeconds,
    scanMBperCpuSecond: size / MiB / ((cpu.user + cpu.system) / 1e6),
    detectMBs: (3 * sampleBytes) / MiB / detectSeconds,
    peakRssMiB: peak,
    findings,
    columns: classifyColumns(columnStats, { minCoverage: 0.5 }).map(
      (c: { field: string; type: string; coverage: number; samples: string[] }) =>
        `${c.field.padEnd(15)} ${c.type.padEnd(14)} ${(c.coverage * 100).toFixed(1)}%  e.g. ${c.samples[0]}`,
    ),
  };
  console.log(JSON.stringify(figures));
}

function measureInChild(root: string, file: string): Figures {
  const heap = heapMiB === undefined ? [] : [`--max-old-space-size=${heapMiB}`];
  const child = spawnSync(process.execPath, [...process.execArgv, ...heap, fileURLToPath(import.meta.url), "--measure", root, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * MiB,
  });
  if (child.status !== 0) throw new Error(`measuring ${root} failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Figures;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "canary-bench-pii-"));
  const file = path.join(dir, "mixed.csv");
  try {
    const t = performance.now();
    const rows = await writeCsv(file, sizeMiB * MiB);
    const size = (await stat(file)).size;
    console.log(`wrote ${(size / MiB).toFixed(0)} MiB, ${rows} rows of 21 columns in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (generateOnly) return;
    if (heapMiB !== undefined) console.log(`measuring with --max-old-space-size=${heapMiB}`);
    const runs: [string, Figures][] = [];
    if (baseline) runs.push(["baseline", measureInChild(path.resolve(baseline), file)]);
    runs.push(["this tree", measureInChild(ROOT, file)]);
    const rowsOut: [string, (f: Figures) => string][] = [
      ["read only (lib/records), MB/s", (f) => f.readMBs.toFixed(1)],
      ["detect only (scanRecord), MB/s of cell text", (f) => f.detectMBs.toFixed(1)],
      ["scan pii (read + detect), MB/s wall", (f) => f.scanMBs.toFixed(1)],
      ["scan pii, MB per CPU-second", (f) => f.scanMBperCpuSecond.toFixed(1)],
      ["peak RSS reading + scanning, MiB", (f) => f.peakRssMiB.toFixed(0)],
      ["findings", (f) => String(f.findings)],
    ];
    // Wall-clock figures suffer when other processes share the CPUs; MB per CPU-second less so.
    console.log(`${"".padEnd(46)}${runs.map(([name]) => name.padStart(12)).join("")}${runs.length === 2 ? "   ratio".padStart(9) : ""}`);
    for (const [label, value] of rowsOut) {
      const values = runs.map(([, f]) => value(f));
      const ratio = runs.length === 2 && !label.startsWith("findings") ? `${(Number(values[1]) / Number(values[0])).toFixed(2)}×` : "";
      console.log(`${label.padEnd(46)}${values.map((v) => v.padStart(12)).join("")}${ratio.padStart(9)}`);
    }
    if (runs.length === 2 && runs[0]![1].findings !== runs[1]![1].findings) console.log("note: the two revisions report different numbers of findings");
    console.log("columns (coverage ≥ 50%):");
    for (const line of runs.at(-1)![1].columns) console.log(`  ${line}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
    else console.log(`kept ${file}`);
  }
}

const measuring = process.argv.indexOf("--measure");
if (measuring !== -1) await measure(process.argv[measuring + 1]!, process.argv[measuring + 2]!);
else await main();
