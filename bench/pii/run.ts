// PII scan throughput on a realistic mixed CSV: prints MB/s (single thread, one "worker") and peak RSS.
//   npx tsx bench/pii/run.ts [sizeMiB=256] [--keep] [--generate-only]
// (--generate-only writes and keeps the file, for measuring `canary scan pii` itself with /usr/bin/time -v.)
// Rows mix identifiers, people, contacts, addresses, payment data, network data, timestamps, amounts,
// statuses and a free-text note (sometimes holding an email, phone, card or name). Names, places and
// sentences come from pools generated with @faker-js/faker (seeded); the rest is drawn per row.
// Three figures: reading alone (lib/records), the full scan (scanPii = reading + detection + column
// statistics), and detection alone over in-memory records. Goal: ≥ 50 MB/s scan, peak RSS < 300 MB.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { faker } from "@faker-js/faker";
import { readRecords } from "../../lib/records/index.ts";
import { classifyColumns, createColumnStats, scanPii, scanRecord } from "../../lib/scan/pii/index.ts";

const MiB = 1024 * 1024;
const sizeMiB = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 256);
const generateOnly = process.argv.includes("--generate-only");
const keep = generateOnly || process.argv.includes("--keep");
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

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "canary-bench-pii-"));
  const file = path.join(dir, "mixed.csv");
  try {
    let t = performance.now();
    const rows = await writeCsv(file, sizeMiB * MiB);
    const size = (await stat(file)).size;
    console.log(`wrote ${(size / MiB).toFixed(0)} MiB, ${rows} rows of 21 columns in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (generateOnly) return;

    t = performance.now();
    let records = 0;
    for await (const _record of readRecords(file, { format: "csv" })) records++;
    const readSeconds = (performance.now() - t) / 1000;
    // Wall-clock figures suffer when other processes share the CPUs; see also MB per CPU-second below.
    console.log(`read only (lib/records):   ${(size / MiB / readSeconds).toFixed(1)} MB/s (${records} records)`);

    const columnStats = createColumnStats();
    t = performance.now();
    const cpuBefore = process.cpuUsage();
    let findings = 0;
    for await (const _finding of scanPii(file, { format: "csv", columnStats })) findings++;
    const scanSeconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(`scan pii (read + detect):  ${(size / MiB / scanSeconds).toFixed(1)} MB/s wall, ${(size / MiB / cpuSeconds).toFixed(1)} MB per CPU-second (${findings} findings, ${scanSeconds.toFixed(1)} s)`);

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
    console.log(`detect only (scanRecord):  ${((3 * sampleBytes) / MiB / detectSeconds).toFixed(1)} MB/s of cell text`);
    console.log(`peak RSS: ${peakRssMiB().toFixed(0)} MiB`);
    console.log("columns (coverage ≥ 50%):");
    for (const c of classifyColumns(columnStats, { minCoverage: 0.5 })) console.log(`  ${c.field.padEnd(15)} ${c.type.padEnd(14)} ${(c.coverage * 100).toFixed(1)}%  e.g. ${c.samples[0]}`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
    else console.log(`kept ${file}`);
  }
}

await main();
