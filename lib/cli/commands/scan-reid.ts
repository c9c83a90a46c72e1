// `canary scan reid <file> --qi a,b,c`: k-anonymity, prosecutor risk and l-diversity of one file.
import type { Command } from "commander";
import { detectFormat, readRecords } from "../../records/index.ts";
import { scanReid, type ReidScan } from "../../scan/index.ts";
import { printResult, type OutputOptions } from "../output.ts";
import { parseColumnList, parseFormat, parsePositiveInteger } from "./scan-flags.ts";

interface ScanReidOptions extends OutputOptions {
  qi?: string;
  sensitive?: string;
  k?: string;
  format?: string;
}

export function registerScanReidCommand(scan: Command): void {
  scan
    .command("reid <file>")
    .description("re-identification risk over quasi-identifiers: k-anonymity, prosecutor risk, l-diversity")
    .option("--qi <columns>", "quasi-identifier columns, comma-separated (default: recognised from the column names)")
    .option("--sensitive <column>", "sensitive column whose distinct l-diversity is measured")
    .option("--k <n>", "records in classes smaller than k are at risk", "5")
    .option("--format <format>", "csv, jsonl or text (default: by the file's extension)")
    .option("--json", "print one JSON object")
    .action(async (file: string, options: ScanReidOptions) => {
      const quasiIdentifiers = parseColumnList("--qi", options.qi);
      const threshold = parsePositiveInteger("--k", options.k, 5);
      const format = parseFormat(options.format) ?? detectFormat(file);
      const scan = await scanReid(readRecords(file, { format }), {
        quasiIdentifiers,
        sensitive: options.sensitive,
        threshold,
        everyRecordHasEveryColumn: format === "csv",
      });
      printResult(options, toJson(scan), () => toText(scan));
    });
}

/** The public --json shape: these keys, in this order; `quasiIdentifiers` only when they were recognised, not given. */
function toJson(scan: ReidScan): Record<string, unknown> {
  return {
    records: scan.records,
    classes: scan.classes,
    k: scan.k,
    recordsAtRisk: scan.recordsAtRisk,
    prosecutorMaxRisk: scan.prosecutorMaxRisk,
    prosecutorAvgRisk: scan.prosecutorAvgRisk,
    lDiversity: scan.lDiversity,
    threshold: scan.threshold,
    generalisations: scan.generalisations,
    ...(scan.suggested ? { quasiIdentifiers: scan.quasiIdentifiers } : {}),
  };
}

function toText(scan: ReidScan): string {
  const percent = (part: number) => (scan.records === 0 ? "0%" : `${((part / scan.records) * 100).toFixed(1)}%`);
  const lines = [
    `quasi-identifiers: ${scan.quasiIdentifiers.map(({ column }) => column).join(", ")}${scan.suggested ? " (recognised from the column names)" : ""}`,
    `${scan.records} records in ${scan.classes} equivalence classes; k-anonymity k = ${scan.k}`,
    `records in classes smaller than ${scan.threshold}: ${scan.recordsAtRisk} (${percent(scan.recordsAtRisk)})`,
    `prosecutor risk: highest ${scan.prosecutorMaxRisk.toFixed(3)}, average ${scan.prosecutorAvgRisk.toFixed(3)}`,
  ];
  if (scan.lDiversity !== null) lines.push(`distinct l-diversity: ${scan.lDiversity}`);
  if (scan.generalisations.length > 0) {
    lines.push("one change at a time:");
    for (const { description, k, recordsAtRisk } of scan.generalisations) {
      lines.push(`  ${description}: k = ${k}, ${recordsAtRisk} records at risk (${percent(recordsAtRisk)})`);
    }
  }
  return lines.join("\n");
}
