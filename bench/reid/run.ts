// Re-identification scan of 1M rows × 5 quasi-identifiers (age, sex, ZIP, date of birth, city)
// and a sensitive column: seconds for the scan itself (records already in memory, as the record
// reader yields them), and, with --csv, end to end from a CSV file through lib/records.
// Target: under 5 s for the scan.
//
//   npx tsx bench/reid/run.ts [--rows 1000000] [--csv]
// Wall and CPU seconds are both printed: on a shared machine wall time stretches with the load.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { mulberry32 } from "../../lib/numerics/index.ts";
import { readRecords } from "../../lib/records/index.ts";
import { scanReid } from "../../lib/scan/reid/index.ts";

const TARGET_SECONDS = 5;
const rowsFlag = process.argv.indexOf("--rows");
const ROWS = rowsFlag === -1 ? 1_000_000 : Number(process.argv[rowsFlag + 1]);
const QUASI_IDENTIFIERS = ["age", "sex", "zip", "dob", "city"];

function makeRows(count: number): Record<string, string>[] {
  const next = mulberry32(42);
  const pick = (n: number) => Math.floor(next() * n);
  const zips = Array.from({ length: 3000 }, (_, i) => String(10000 + i * 29).padStart(5, "0"));
  const cities = Array.from({ length: 200 }, (_, i) => `City ${i}`);
  const diagnoses = Array.from({ length: 50 }, (_, i) => `D${i}`);
  const rows: Record<string, string>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const age = 18 + pick(72);
    const year = 2024 - age;
    const dob = `${year}-${String(1 + pick(12)).padStart(2, "0")}-${String(1 + pick(28)).padStart(2, "0")}`;
    rows[i] = {
      id: String(i),
      age: String(age),
      sex: next() < 0.5 ? "F" : "M",
      zip: zips[pick(zips.length)]!,
      dob,
      city: cities[pick(cities.length)]!,
      diagnosis: diagnoses[pick(diagnoses.length)]!,
    };
  }
  return rows;
}

const rows = makeRows(ROWS);
const records = rows.map((fields, i) => ({ id: String(i), line: i + 2, fields }));

await scanReid(records.slice(0, 10_000), { quasiIdentifiers: QUASI_IDENTIFIERS, sensitive: "diagnosis" }); // warm up
const started = performance.now();
const cpuStarted = process.cpuUsage();
const result = await scanReid(records, { quasiIdentifiers: QUASI_IDENTIFIERS, sensitive: "diagnosis" });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
console.log(`re-identification scan: ${ROWS} rows × ${QUASI_IDENTIFIERS.length} quasi-identifiers + sensitive, ${result.generalisations.length} generalisations`);
console.log(`  classes ${result.classes}, k ${result.k}, records at risk ${result.recordsAtRisk}, l-diversity ${result.lDiversity}`);
console.log(`  in memory: ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (target < ${TARGET_SECONDS} s)`);
const withoutGeneralisations = performance.now();
const cpuWithout = process.cpuUsage();
await scanReid(records, { quasiIdentifiers: QUASI_IDENTIFIERS, sensitive: "diagnosis", generalise: false });
console.log(`  in memory, no generalisations: ${((performance.now() - withoutGeneralisations) / 1000).toFixed(2)} s wall, ${cpuSecondsSince(cpuWithout)} s CPU`);

function cpuSecondsSince(start: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(start);
  return ((used.user + used.system) / 1e6).toFixed(2);
}

if (process.argv.includes("--csv")) {
  const directory = await mkdtemp(join(tmpdir(), "canary-reid-bench-"));
  try {
    const path = join(directory, "people.csv");
    const out = createWriteStream(path);
    const columns = Object.keys(rows[0]!);
    out.write(`${columns.join(",")}\n`);
    for (const row of rows) if (!out.write(`${columns.map((column) => row[column]).join(",")}\n`)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    const csvStarted = performance.now();
    const cpuCsv = process.cpuUsage();
    await scanReid(readRecords(path, { format: "csv" }), { quasiIdentifiers: QUASI_IDENTIFIERS, sensitive: "diagnosis", everyRecordHasEveryColumn: true });
    console.log(`  from CSV through lib/records: ${((performance.now() - csvStarted) / 1000).toFixed(2)} s wall, ${cpuSecondsSince(cpuCsv)} s CPU (reading included)`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
