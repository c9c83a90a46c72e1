// `canary audit one-run --scores canaries.json --k-plus N`: the one-run ε audit of Steinke, Nasr &
// Jagielski 2023 (arXiv:2305.08846) offline, from the scores of m canaries and which were included.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { oneRunAudit, type OneRunAudit } from "../../audit/index.ts";
import { isAppError } from "../../errors/index.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";

interface OneRunOptions extends OutputOptions {
  scores: string;
  kPlus: string;
  kMinus: string;
  delta: string;
}

const integer = (flag: string, value: string) => {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new CliError(`invalid ${flag}: expected a whole number ≥ 0, got "${value}"`);
  return number;
};

/** Registers `audit one-run` on the `audit` group. */
export function registerAuditOneRunCommand(audit: Command): void {
  audit
    .command("one-run")
    .description("ε lower bound from one training run with canaries each included with probability ½ (Steinke et al. 2023)")
    .requiredOption("--scores <file>", 'JSON file {"scores": [numbers, higher = more likely included], "included": [0 or 1]}')
    .requiredOption("--k-plus <N>", "guesses of \"included\": the N highest scores (a tied group at the cut is abstained on)")
    .option("--k-minus <N>", "guesses of \"excluded\": the N lowest scores", "0")
    .option("--delta <D>", "δ of the null hypothesis", "1e-5")
    .option("--json", "print one JSON object")
    .action(async (options: OneRunOptions) => {
      let parsed: { scores?: unknown; included?: unknown };
      try {
        parsed = JSON.parse(await readFile(options.scores, "utf8")) as typeof parsed;
      } catch (error) {
        throw new CliError(`cannot read ${options.scores}: ${(error as Error).message.split("\n")[0]}`);
      }
      if (!Array.isArray(parsed.scores) || !Array.isArray(parsed.included)) throw new CliError(`${options.scores} must hold {"scores": [...], "included": [...]}`);
      const delta = Number(options.delta);
      if (!(delta >= 0 && delta < 1)) throw new CliError(`invalid --delta: expected a number in [0, 1), got "${options.delta}"`);
      let result: OneRunAudit;
      try {
        result = oneRunAudit({ scores: parsed.scores as number[], included: parsed.included as number[], kPlus: integer("--k-plus", options.kPlus), kMinus: integer("--k-minus", options.kMinus), delta });
      } catch (error) {
        if (isAppError(error)) throw new CliError(error.message);
        throw error;
      }
      printResult(options, result, () =>
        [`one-run audit: ${result.canaries} canaries, ${result.guesses} guesses, ${result.correct} correct`, `  ε lower bound ${result.epsilonLowerBound.toFixed(4)} (δ = ${result.delta}, ${Math.round((1 - result.beta) * 100)}% confidence)`].join("\n"),
      );
    });
}
