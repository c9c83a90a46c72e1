// Flag parsing shared by the `canary scan …` subcommands.
import type { RecordFormat } from "../../records/index.ts";
import { CliError } from "../output.ts";

const FORMATS: readonly RecordFormat[] = ["csv", "jsonl", "text"];

/** --threshold: a Jaccard similarity in (0, 1]. */
export function parseThreshold(value: string | undefined, fallback = 0.8): number {
  if (value === undefined) return fallback;
  const threshold = Number(value);
  if (value.trim() === "" || !(threshold > 0 && threshold <= 1)) throw new CliError(`invalid --threshold: expected a number in (0, 1], got "${value}"`);
  return threshold;
}

/** A positive whole number flag such as --k. */
export function parsePositiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new CliError(`invalid ${flag}: expected a positive whole number, got "${value}"`);
  }
  return number;
}

/** --format: csv, jsonl or text; undefined means by the file's extension. */
export function parseFormat(value: string | undefined): RecordFormat | undefined {
  if (value === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(value)) throw new CliError(`invalid --format: expected csv, jsonl or text, got "${value}"`);
  return value as RecordFormat;
}

/** A comma-separated column list such as --qi age,sex,zip. */
export function parseColumnList(flag: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const columns = value.split(",").map((column) => column.trim());
  if (columns.some((column) => column === "")) throw new CliError(`invalid ${flag}: expected column names separated by commas, got "${value}"`);
  return columns;
}
