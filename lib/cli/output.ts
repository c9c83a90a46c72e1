import { AppError } from "../errors/index.ts";

export interface OutputOptions {
  json?: boolean;
}

/** Prints one JSON document (with --json) or the human text. */
export function printResult(options: OutputOptions, value: unknown, text: () => string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value)}\n` : `${text()}\n`);
}

/** Prints one JSON object per line (with --json), for streams of results such as scan findings. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** A failure the user caused; main() prints its message as one line and exits 1. */
export class CliError extends Error {}

/** One line that says what went wrong; never a stack trace for errors we expected. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof AppError) return error.message;
  if (error instanceof Error) return error.message.split("\n")[0] ?? "unexpected error";
  return String(error);
}
