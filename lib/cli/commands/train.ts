// `canary train --config run.json [--json]`: trains a model on this machine with DP-SGD (offline, no
// server). run.json = { data: { train, eval?, target?, public?, maxCategories? }, config, output?,
// baseline? } (lib/dp/run/run-spec.ts); file paths are relative to run.json. δ defaults to 1/(10N).
// --json prints one object with exactly the keys of LocalTrainingResult (tested in train.test.ts).
// The guarantee covers the DP-SGD steps; a tabular encoding (means, standard deviations, category
// and class lists) fitted on the private training set is not covered: give `public` data to fit it there.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import type { LocalTrainingResult } from "../../dp/run/run-local-training.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { createProgressBar } from "../progress-bar.ts";

interface TrainCommandOptions extends OutputOptions {
  config: string;
}

/** Registers `train`. */
export function registerTrainCommand(program: Command): void {
  program
    .command("train")
    .description("train a model locally with differential privacy (DP-SGD) from a run.json; prints metrics and the (ε, δ) guarantee")
    .requiredOption("--config <file>", "run.json: { data: { train, eval?, target?, public? }, config, output?, baseline? }")
    .option("--json", 'print one {"metrics","baseline"?,"guarantee","backend","steps","artifact"?} object')
    .action(async (options: TrainCommandOptions) => {
      let content: unknown;
      try {
        content = JSON.parse(await readFile(options.config, "utf8"));
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message.split("\n")[0];
        throw new CliError(`cannot read --config ${options.config}: ${reason}`);
      }
      // Loaded on use: TensorFlow.js costs other commands nothing this way.
      const { parseRunSpec } = await import("../../dp/run/run-spec.ts");
      const { runLocalTraining } = await import("../../dp/run/run-local-training.ts");
      const run = parseRunSpec(content, path.dirname(path.resolve(options.config)));
      const bar = createProgressBar();
      const result = await runLocalTraining(run, {
        onProgress: (phase, p) => {
          if (p.step % 5 === 0 || p.step === p.totalSteps) {
            const epsilon = p.epsilon === null ? "" : ` ε=${p.epsilon.toFixed(2)}`;
            bar.update(p.step / p.totalSteps, `${phase} step ${p.step}/${p.totalSteps} loss=${p.meanLoss.toFixed(3)}${epsilon}`);
          }
        },
      });
      bar.done();
      printResult(options, result, () => resultText(result));
    });
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
