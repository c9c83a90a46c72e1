import type { Command } from "commander";

/**
 * Commander prints "did you mean" suggestions on a second line; the CLI promises one line per
 * failure, so fold them into one. Subcommands created afterwards inherit this.
 */
export function oneLineErrors(command: Command): Command {
  return command.configureOutput({
    outputError: (message, write) => write(`${message.trim().replace(/\s*\n\s*/g, " ")}\n`),
  });
}
