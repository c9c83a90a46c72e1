// `canary train --config run.json [--json]`: trains a model on this machine with DP-SGD (offline, no
// server). run.json = { data: { train, eval?, target?, public?, maxCategories?, schema? }, config, output?,
// baseline? } (lib/dp/run/run-spec.ts); file paths are relative to run.json. δ defaults to 1/(10N).
// --json prints one object with exactly the keys of LocalTrainingResult (tested in train.test.ts).
// --register --model NAME then uploads the trained model to the registry (CANARY_URL, CANARY_TOKEN)
// as a TensorFlow.js Layers bundle with its encoding, spec and config; the server did not see the
// training, so the guarantee is recorded as declared, not verified. --json then adds `registered`.
// A private run on tabular data takes its encoding (ranges, means, category and class lists) from
// `public` data or a declared `schema`, never from the private rows, which the guarantee would not cover.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import type { LocalTrainingResult, RunLocalTrainingOptions } from "../../dp/worker.ts";
import { ApiClient } from "../api-client.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { createProgressBar } from "../progress-bar.ts";

interface TrainCommandOptions extends OutputOptions {
  config: string;
  register?: boolean;
  model?: string;
}

interface Registered {
  model: string;
  version: number;
  sha256: string;
}

/** Registers `train`. */
export function registerTrainCommand(program: Command): void {
  program
    .command("train")
    .description("train a model locally with differential privacy (DP-SGD) from a run.json; prints metrics and the (ε, δ) guarantee")
    .requiredOption("--config <file>", "run.json: { data: { train, eval?, target?, public?, schema? }, config, output?, baseline? }")
    .option("--json", 'print one {"metrics","baseline"?,"guarantee","backend","steps","artifact"?,"registered"?} object')
    .option("--register", "upload the trained model to the registry through the API (CANARY_URL, CANARY_TOKEN)")
    .option("--model <name>", "the registry model to add a version to (with --register)")
    .action(async (options: TrainCommandOptions) => {
      if (options.register && !options.model) throw new CliError("--register needs --model NAME: the registry model to add the version to");
      let content: unknown;
      try {
        content = JSON.parse(await readFile(options.config, "utf8"));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message.split("\n")[0];
        throw new CliError(`cannot read --config ${options.config}: ${reason}`);
      }
      // Loaded on use: TensorFlow.js costs other commands nothing this way.
      const { parseRunSpec } = await import("../../dp/index.ts");
      const { runLocalTraining } = await import("../../dp/worker.ts");
      const run = parseRunSpec(content, path.dirname(path.resolve(options.config)));
      const bar = createProgressBar();
      let registered: Registered | undefined;
      const result = await runLocalTraining(run, {
        onTrained: options.register ? async (trained, local) => void (registered = await register(options.model!, trained, local)) : undefined,
        onProgress: (phase, p) => {
          if (p.step % 5 === 0 || p.step === p.totalSteps) {
            const epsilon = p.epsilon === null ? "" : ` ε=${p.epsilon.toFixed(2)}`;
            bar.update(p.step / p.totalSteps, `${phase} step ${p.step}/${p.totalSteps} loss=${p.meanLoss.toFixed(3)}${epsilon}`);
          }
        },
      });
      bar.done();
      const output = registered ? { ...result, registered } : result;
      printResult(options, output, () => resultText(result) + (registered ? `\nregistered as ${registered.model} v${registered.version} (sha256 ${registered.sha256.slice(0, 12)}…)` : ""));
    });
}

/** Uploads the trained network as a Layers bundle, with what audits need to encode data alike. */
async function register(model: string, trained: Parameters<NonNullable<RunLocalTrainingOptions["onTrained"]>>[0], result: LocalTrainingResult): Promise<Registered> {
  const { bundleNetwork } = await import("../../models/index.ts");
  const g = result.guarantee;
  const metadata = {
    description: "trained locally with canary train",
    ...(g ? { declaredGuarantee: { epsilon: g.epsilon, delta: g.delta, accountant: g.accountant } } : {}),
    metrics: { ...result.metrics },
    input: trained.input,
    networkSpec: trained.network.spec,
    ...(trained.input.kind === "tabular" ? { target: trained.input.encoding.target } : {}),
    trainConfig: { ...trained.config },
  };
  const version = await new ApiClient().request<{ model: string; version: number; artifact: { sha256: string } }>("POST", `/api/v1/models/${encodeURIComponent(model)}/versions`, {
    json: { bundle: await bundleNetwork(trained.network), metadata },
  });
  return { model: version.model, version: version.version, sha256: version.artifact.sha256 };
}

function resultText(result: LocalTrainingResult): string {
  const lines = [`accuracy ${result.metrics.accuracy.toFixed(4)}, loss ${result.metrics.loss.toFixed(4)} after ${result.steps} steps (backend ${result.backend})`];
  if (result.baseline) lines.push(`non-private baseline: accuracy ${result.baseline.accuracy.toFixed(4)}, loss ${result.baseline.loss.toFixed(4)}`);
  const g = result.guarantee;
  lines.push(
    g
      ? `(ε = ${g.epsilon.toFixed(3)}, δ = ${g.delta.toExponential(2)})-DP for the training examples (${g.accountant} accountant, σ = ${g.noiseMultiplier.toFixed(4)}, q = ${g.sampleRate}, C = ${g.clipNorm.toFixed(4)})`
      : "no privacy guarantee: a non-private run",
  );
  if (result.artifact) lines.push(`model saved in ${result.artifact}`);
  return lines.join("\n");
}
