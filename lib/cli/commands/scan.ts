// `canary scan …`: one command group that several files add subcommands to.
import type { Command } from "commander";
import { oneLineErrors } from "./one-line-errors.ts";
import { registerScanDuplicatesCommand } from "./scan-duplicates.ts";
import { registerScanOverlapCommand } from "./scan-overlap.ts";
import { registerScanReidCommand } from "./scan-reid.ts";

/**
 * The `scan` group, created on first use. Every file that adds a `scan` subcommand calls this, so
 * the group exists once whatever order COMMANDS registers them in.
 *
 * @example
 * export function registerScanPiiCommand(program: Command): void {
 *   getOrCreateScanCommand(program).command("pii <file>")…
 * }
 */
export function getOrCreateScanCommand(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === "scan");
  if (existing) return existing;
  return oneLineErrors(program.command("scan")).description("scan a dataset file for privacy risks: duplicates, overlap, re-identification, PII");
}

/** Registers `scan duplicates`, `scan overlap` and `scan reid`. */
export function registerScanCommands(program: Command): void {
  const scan = getOrCreateScanCommand(program);
  registerScanDuplicatesCommand(scan);
  registerScanOverlapCommand(scan);
  registerScanReidCommand(scan);
}
