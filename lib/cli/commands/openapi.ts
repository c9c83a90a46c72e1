import type { Command } from "commander";
import { buildOpenApiDocument } from "../../api/index.ts";
import { printResult, type OutputOptions } from "../output.ts";
import { oneLineErrors } from "./one-line-errors.ts";

/** `canary openapi [--json]`: the REST API's OpenAPI 3.1 document, built locally (no server). */
export function registerOpenApiCommand(program: Command): void {
  oneLineErrors(program.command("openapi"))
    .description("print the OpenAPI 3.1 document of the REST API (needs no server)")
    .option("--json", "compact JSON on one line instead of indented")
    .action((options: OutputOptions) => {
      const document = buildOpenApiDocument();
      printResult(options, document, () => JSON.stringify(document, null, 2));
    });
}
