// `canary scan overlap <fileA> <fileB>`: records of A that (nearly) reappear in B, e.g. train/test leakage.
import type { Command } from "commander";
import { findOverlapInFiles } from "../../scan/index.ts";
import { printJsonLine, type OutputOptions } from "../output.ts";
import { parseFormat, parseThreshold } from "./scan-flags.ts";

interface ScanOverlapOptions extends OutputOptions {
  threshold?: string;
  field?: string;
  format?: string;
}

export function registerScanOverlapCommand(scan: Command): void {
  scan
    .command("overlap <fileA> <fileB>")
    .description("find records of fileA that reappear, exactly or nearly, in fileB")
    .option("--threshold <jaccard>", "smallest Jaccard similarity reported, in (0, 1]", "0.8")
    .option("--field <name>", "compare this field in both files (default: the text field, else all fields)")
    .option("--format <format>", "csv, jsonl or text for both files (default: by each file's extension)")
    .option("--json", 'print one {"a","b","jaccard"} object per line per pair, a from fileA, b from fileB')
    .action(async (fileA: string, fileB: string, options: ScanOverlapOptions) => {
      const format = parseFormat(options.format);
      const result = await findOverlapInFiles(fileA, fileB, {
        threshold: parseThreshold(options.threshold),
        field: options.field,
        format,
        formatB: format,
      });
      if (options.json) {
        for (const { a, b, jaccard } of result.pairs) printJsonLine({ a, b, jaccard });
        return;
      }
      let count = 0;
      let inA = 0;
      let previousA: string | undefined;
      for (const { a, b, jaccard } of result.pairs) {
        process.stdout.write(`${a}  ${b}  ${jaccard.toFixed(3)}\n`);
        count++;
        if (a !== previousA) inA++; // pairs come in record order of A
        previousA = a;
      }
      process.stdout.write(
        `${count} pair${count === 1 ? "" : "s"}: ${inA} of ${result.recordsA} records of ${fileA} reappear in ${fileB} (${result.recordsB} records)\n`,
      );
    });
}
