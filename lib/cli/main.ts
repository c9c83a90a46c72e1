import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands/index.ts";
import { describeError } from "./output.ts";

export function buildProgram(): Command {
  const program = new Command("canary")
    .description("Canary: data governance and privacy risk for machine learning")
    .version(process.env.npm_package_version ?? "0.1.0")
    .exitOverride()
    .showHelpAfterError(false);
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI and returns its exit code: 0 on success, 1 with a one-line reason on stderr otherwise. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    process.stderr.write(`canary: ${describeError(error)}\n`);
    return 1;
  }
}
