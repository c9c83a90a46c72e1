// `canary scan pii <file>`: PII findings in a CSV, JSON Lines or text file, streamed. With --json, one
// {"record","field","type","start","end","score"} object per line (a public contract: no other keys, no
// values); without, a table whose values are masked (maskValue) and a per-column summary.
import type { Command } from "commander";
import { detectFormat } from "../../records/index.ts";
import type { ColumnClassification } from "../../scan/index.ts";
import { CliError, type OutputOptions } from "../output.ts";
import { getOrCreateScanCommand } from "./scan.ts";
import { parseFormat } from "./scan-flags.ts";

interface ScanPiiCommandOptions extends OutputOptions {
  minScore?: string;
  format?: string;
  skipMalformed?: boolean;
}

/** Registers `scan pii` under the `scan` group. */
export function registerScanPiiCommand(program: Command): void {
  getOrCreateScanCommand(program)
    .command("pii <file>")
    .description("find personal data (emails, phones, SSNs, cards, IBANs, IPs, URLs, dates, names, places) in a dataset file")
    .option("--min-score <score>", "smallest confidence reported, in [0, 1]", "0.5")
    .option("--format <format>", "csv, jsonl or text (default: by the file's extension)")
    .option("--skip-malformed", "skip malformed records (counted on stderr) instead of stopping at the first")
    .option("--json", 'print one {"record","field","type","start","end","score"} object per line per finding')
    .action(async (file: string, options: ScanPiiCommandOptions) => {
      const minScore = parseMinScore(options.minScore);
      const format = parseFormat(options.format) ?? detectFormat(file);
      // Loaded on use: the name and place lists cost half a second that other commands need not pay.
      const { classifyColumns, createColumnStats, maskValue, scanPiiByRecord } = await import("../../scan/index.ts");
      let skipped = 0;
      const columnStats = options.json ? undefined : createColumnStats();
      const records = scanPiiByRecord(file, {
        format,
        minScore,
        onMalformed: options.skipMalformed ? "skip" : "fail",
        onSkip: () => void skipped++,
        columnStats,
      });
      if (options.json) {
        for await (const matches of records) {
          // One write per record: a write per finding costs more than finding it.
          let lines = "";
          for (const { finding } of matches) {
            const { record, field, type, start, end, score } = finding;
            lines += `${JSON.stringify({ record, field, type, start, end, score })}\n`;
          }
          await write(lines);
        }
      } else {
        let count = 0;
        await write(`${row(["RECORD", "FIELD", "TYPE", "SPAN", "SCORE", "MASKED VALUE"])}\n`);
        for await (const matches of records) {
          let lines = "";
          for (const { finding, value } of matches) {
            count++;
            const span = `${finding.start}-${finding.end}`;
            lines += `${row([finding.record, finding.field, finding.type, span, finding.score.toFixed(2), maskValue(finding.type, value)])}\n`;
          }
          await write(lines);
        }
        await write(`\n${summary(count, columnStats ? classifyColumns(columnStats) : [], columnStats?.records ?? 0)}\n`);
      }
      if (skipped > 0) process.stderr.write(`canary: skipped ${skipped} malformed record${skipped === 1 ? "" : "s"}\n`);
    });
}

/**
 * Writes to stdout and waits when its buffer is full: to a slow pipe, unawaited writes of millions of
 * findings would pile up in memory (a 256 MiB file once took 2.8 GB of RSS that way).
 */
function write(text: string): Promise<void> | void {
  if (!process.stdout.write(text)) return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
}

function parseMinScore(value: string | undefined): number {
  const score = Number(value);
  if (value === undefined || value.trim() === "" || !(score >= 0 && score <= 1)) {
    throw new CliError(`invalid --min-score: expected a number in [0, 1], got "${value}"`);
  }
  return score;
}

/** Fixed widths, so rows print as they are found (a table of a large file never waits for its end). */
const WIDTHS = [10, 24, 14, 11, 6];

function row(cells: string[]): string {
  return cells
    .map((cell, i) => {
      const width = WIDTHS[i];
      if (width === undefined) return cell;
      return cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
    })
    .join("  ")
    .trimEnd();
}

function summary(findings: number, columns: ColumnClassification[], records: number): string {
  const lines = [`${findings} finding${findings === 1 ? "" : "s"} in ${records} record${records === 1 ? "" : "s"}`];
  if (columns.length > 0) {
    lines.push("", "columns holding PII (coverage = share of non-empty values):");
    for (const c of columns) {
      lines.push(`  ${c.field}: ${c.type} ${(c.coverage * 100).toFixed(1)}% (${c.valuesWithEntity}/${c.nonEmptyValues}), e.g. ${c.samples.join(", ")}`);
    }
  }
  return lines.join("\n");
}
