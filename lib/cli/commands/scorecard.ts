// `canary scorecard export <model> <version> --format json|pdf [--out file]`: the latest scorecard
// snapshot of a model version as canary.scorecard/v1 JSON or as the PDF of its print view, through
// the API (CANARY_URL, CANARY_TOKEN).
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { ApiClient, describeHttpError } from "../api-client.ts";
import { CliError } from "../output.ts";
import { oneLineErrors } from "./one-line-errors.ts";

interface ExportOptions {
  format: string;
  out?: string;
}

/** Registers `scorecard export`. */
export function registerScorecardCommands(program: Command): void {
  const scorecard = oneLineErrors(program.command("scorecard")).description("privacy scorecards of model versions");
  scorecard
    .command("export")
    .description("export a version's latest scorecard: JSON (canary.scorecard/v1) or PDF, with evidence hashes, approvals and framework mapping")
    .argument("<model>", "model name")
    .argument("<version>", "version number")
    .option("--format <format>", "json or pdf", "json")
    .option("--out <file>", "write to this file instead of stdout (required for pdf on a terminal)")
    .action(async (model: string, versionText: string, options: ExportOptions) => {
      const version = Number(versionText);
      if (!Number.isSafeInteger(version) || version < 1) throw new CliError(`invalid version "${versionText}": expected a whole number ≥ 1`);
      if (options.format !== "json" && options.format !== "pdf") throw new CliError(`invalid --format "${options.format}": expected json or pdf`);
      const client = new ApiClient();
      const found = await client.get<{ items: { id: string }[] }>("/api/v1/scorecards", { model, version, status: "all", pageSize: 1 });
      const id = found.items[0]?.id;
      if (!id) throw new CliError(`${model} v${version} has no scorecard (is the model name right, and has the version been graded?)`);
      const bytes = await download(client, `/api/v1/scorecards/${encodeURIComponent(id)}/export?format=${options.format}`);
      if (options.out) {
        await writeFile(options.out, bytes);
        process.stderr.write(`wrote ${options.out} (${bytes.length} bytes)\n`);
      } else if (options.format === "pdf" && process.stdout.isTTY) {
        throw new CliError("a PDF is binary: pass --out file.pdf, or redirect stdout");
      } else {
        process.stdout.write(bytes);
        if (options.format === "json") process.stdout.write("\n");
      }
    });
}

/** The raw bytes of a GET (the JSON client would parse them). */
async function download(client: ApiClient, path: string): Promise<Buffer> {
  const token = process.env.CANARY_TOKEN;
  if (!token) throw new CliError("CANARY_TOKEN is not set: create an API token in Settings and export CANARY_TOKEN=cnry_…");
  let response: Response;
  try {
    response = await fetch(client.baseUrl + path, { headers: { Authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new CliError(`cannot reach ${client.baseUrl} (${(error as Error).message}); is Canary running, and is CANARY_URL right?`);
  }
  if (!response.ok) throw new CliError(describeHttpError(response.status, await response.text()));
  return Buffer.from(await response.arrayBuffer());
}
