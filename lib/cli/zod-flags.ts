import type { z } from "zod";
import { CliError } from "./output.ts";

/**
 * Parses command-line input with the API's own zod schema and reports the first problem as one
 * line naming the flag, e.g. `invalid --consent-basis: Invalid option: expected one of …`.
 */
export function parseFlags<T extends z.ZodType>(schema: T, input: unknown, flagOf: Record<string, string>): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  const flag = field === undefined ? "input" : (flagOf[field] ?? `--${field}`);
  throw new CliError(`invalid ${flag}: ${issue.message.split("\n")[0]}`);
}
