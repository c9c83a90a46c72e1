// `canary scan duplicates <file>`: exact and near-duplicate records of one file.
import type { Command } from "commander";
import { clusterDuplicates, findNearDuplicatesInFile } from "../../scan/index.ts";
import { printJsonLine, type OutputOptions } from "../output.ts";
import { parseFormat, parseThreshold } from "./scan-flags.ts";

interface ScanDuplicatesOptions extends OutputOptions {
  threshold?: string;
  field?: string;
  format?: string;
}

export function registerScanDuplicatesCommand(scan: Command): void {
  scan
    .command("duplicates <file>")
    .description("find exact and near-duplicate records (Jaccard similarity of word 5-shingles)")
    .option("--threshold <jaccard>", "smallest Jaccard similarity reported, in (0, 1]", "0.8")
    .option("--field <name>", "compare this field (default: the text field, else all fields)")
    .option("--format <format>", "csv, jsonl or text (default: by the file's extension)")
    .option("--json", 'print one {"a","b","jaccard"} object per line per pair')
    .action(async (file: string, options: ScanDuplicatesOptions) => {
      const result = await findNearDuplicatesInFile(file, {
        threshold: parseThreshold(options.threshold),
        field: options.field,
        format: parseFormat(options.format),
      });
      if (options.json) {
        for (const { a, b, jaccard } of result.pairs) printJsonLine({ a, b, jaccard });
        return;
      }
      let count = 0;
      // One pass: print each pair as it comes and cluster it.
      const printed = (function* () {
        for (const pair of result.pairs) {
          process.stdout.write(`${pair.a}  ${pair.b}  ${pair.jaccard.toFixed(3)}\n`);
          count++;
          yield pair;
        }
      })();
      const { clusters, duplicateRate } = clusterDuplicates(printed, result.records);
      process.stdout.write(
        `${result.records} records, ${count} duplicate pair${count === 1 ? "" : "s"} in ${clusters.length} cluster${clusters.length === 1 ? "" : "s"}; ` +
          `duplicate rate ${(duplicateRate * 100).toFixed(1)}% (records beyond one per cluster)\n`,
      );
    });
}
