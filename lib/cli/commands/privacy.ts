// `canary privacy …`: differential-privacy accounting for DP-SGD (Poisson-subsampled Gaussian
// steps). `epsilon` answers the budget spent, `calibrate` the noise multiplier for a budget.
// The --json keys are a public contract (tested in privacy.test.ts).
import type { Command } from "commander";
import {
  ACCOUNTANT_MECHANISMS,
  calibrateNoiseMultiplier,
  createAccountant,
  isAccountantMechanism,
  type AccountantMechanism,
} from "../../dp/index.ts";
import { formatEpsilon } from "../../format/index.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { oneLineErrors } from "./one-line-errors.ts";

interface EpsilonOptions extends OutputOptions {
  sampleRate?: string;
  noiseMultiplier?: string;
  steps?: string;
  delta?: string;
  accountant?: string;
}

interface CalibrateOptions extends OutputOptions {
  targetEpsilon?: string;
  delta?: string;
  sampleRate?: string;
  steps?: string;
  accountant?: string;
}

/** `privacy epsilon --json` prints exactly these keys (bestAlpha for rdp, epsilonError for prv). */
export interface PrivacyEpsilonResult {
  epsilon: number;
  delta: number;
  accountant: AccountantMechanism;
  sampleRate: number;
  noiseMultiplier: number;
  steps: number;
  bestAlpha?: number;
  epsilonError?: number;
}

/** `privacy calibrate --json` prints exactly these keys. */
export interface PrivacyCalibrateResult {
  noiseMultiplier: number;
  epsilon: number;
  targetEpsilon: number;
  delta: number;
  sampleRate: number;
  steps: number;
  accountant: AccountantMechanism;
}

/** Registers `privacy epsilon` and `privacy calibrate`. */
export function registerPrivacyCommands(program: Command): void {
  const privacy = oneLineErrors(program.command("privacy")).description(
    "differential-privacy accounting of DP-SGD (Poisson-subsampled Gaussian mechanism): RDP or PRV accountant",
  );

  privacy
    .command("epsilon")
    .description("ε spent by DP-SGD at δ, for a sample rate, a noise multiplier and a number of steps")
    .requiredOption("--sample-rate <Q>", "probability that an example is in a batch (batch size / dataset size), in [0, 1]")
    .requiredOption("--noise-multiplier <S>", "noise standard deviation / clipping norm, >= 0")
    .requiredOption("--steps <T>", "number of optimisation steps, a whole number >= 0")
    .requiredOption("--delta <D>", "δ, in (0, 1)")
    .option("--accountant <rdp|prv>", "rdp (Mironov et al. 2019) or prv (Gopi et al. 2021, tighter)", "rdp")
    .option("--json", "print one JSON object")
    .action((options: EpsilonOptions) => {
      const sampleRate = parseNumber("--sample-rate", options.sampleRate, (v) => v >= 0 && v <= 1, "a number in [0, 1]");
      const noiseMultiplier = parseNumber("--noise-multiplier", options.noiseMultiplier, (v) => v >= 0 && Number.isFinite(v), "a number >= 0");
      const steps = parseNumber("--steps", options.steps, (v) => Number.isSafeInteger(v) && v >= 0, "a whole number >= 0");
      const delta = parseNumber("--delta", options.delta, (v) => v > 0 && v < 1, "a number in (0, 1)");
      const accountant = parseAccountant(options.accountant);
      const result = privacyEpsilon({ sampleRate, noiseMultiplier, steps, delta, accountant });
      printResult(options, result, () => epsilonText(result));
    });

  privacy
    .command("calibrate")
    .description("smallest noise multiplier (by bisection) whose ε at δ is within 0.01 below the target")
    .requiredOption("--target-epsilon <E>", "the ε budget, > 0")
    .requiredOption("--delta <D>", "δ, in (0, 1)")
    .requiredOption("--sample-rate <Q>", "probability that an example is in a batch, in (0, 1]")
    .requiredOption("--steps <T>", "number of optimisation steps, a whole number >= 1")
    .option("--accountant <rdp|prv>", "rdp or prv", "rdp")
    .option("--json", "print one JSON object")
    .action((options: CalibrateOptions) => {
      const targetEpsilon = parseNumber("--target-epsilon", options.targetEpsilon, (v) => v > 0 && Number.isFinite(v), "a number > 0");
      const delta = parseNumber("--delta", options.delta, (v) => v > 0 && v < 1, "a number in (0, 1)");
      const sampleRate = parseNumber("--sample-rate", options.sampleRate, (v) => v > 0 && v <= 1, "a number in (0, 1]");
      const steps = parseNumber("--steps", options.steps, (v) => Number.isSafeInteger(v) && v >= 1, "a whole number >= 1");
      const accountant = parseAccountant(options.accountant);
      const calibrated = calibrateNoiseMultiplier({ targetEpsilon, delta, sampleRate, steps, accountant });
      const result: PrivacyCalibrateResult = {
        noiseMultiplier: calibrated.noiseMultiplier,
        epsilon: calibrated.epsilon,
        targetEpsilon,
        delta,
        sampleRate,
        steps,
        accountant,
      };
      printResult(options, result, () => calibrateText(result));
    });
}

function privacyEpsilon(input: Omit<PrivacyEpsilonResult, "epsilon" | "bestAlpha" | "epsilonError">): PrivacyEpsilonResult {
  const { sampleRate, noiseMultiplier, steps, delta, accountant } = input;
  const history = steps === 0 ? [] : [{ noiseMultiplier, sampleRate, steps }];
  const base = { delta, accountant, sampleRate, noiseMultiplier, steps };
  if (accountant === "rdp") {
    const rdp = createAccountant("rdp");
    rdp.loadStateDict({ mechanism: "rdp", history });
    const spent = rdp.getPrivacySpent(delta);
    return { epsilon: spent.epsilon, ...base, bestAlpha: spent.bestAlpha };
  }
  const prv = createAccountant("prv");
  prv.loadStateDict({ mechanism: "prv", history });
  const spent = prv.getPrivacySpent(delta);
  return { epsilon: spent.epsilonUpper, ...base, epsilonError: spent.epsError };
}

function parseNumber(flag: string, value: string | undefined, accept: (value: number) => boolean, expected: string): number {
  const number = Number(value);
  if (value === undefined || value.trim() === "" || Number.isNaN(number) || !accept(number)) {
    throw new CliError(`invalid ${flag}: expected ${expected}, got "${value ?? ""}"`);
  }
  return number;
}

function parseAccountant(value: string | undefined): AccountantMechanism {
  if (!isAccountantMechanism(value)) {
    throw new CliError(`invalid --accountant: expected one of ${ACCOUNTANT_MECHANISMS.join(", ")}, got "${value ?? ""}"`);
  }
  return value;
}

function epsilonText(result: PrivacyEpsilonResult): string {
  const how =
    result.accountant === "rdp"
      ? `rdp accountant, best α = ${result.bestAlpha}`
      : `prv accountant, upper bound, ε error ${result.epsilonError}`;
  return `ε = ${formatEpsilon(result.epsilon, 4)}${Number.isFinite(result.epsilon) ? "" : " (no privacy)"} at δ = ${result.delta} (${how}): sample rate ${result.sampleRate}, noise multiplier ${result.noiseMultiplier}, ${result.steps} steps`;
}

function calibrateText(result: PrivacyCalibrateResult): string {
  return `noise multiplier ${result.noiseMultiplier} gives ε = ${formatEpsilon(result.epsilon, 4)} <= ${result.targetEpsilon} at δ = ${result.delta} (${result.accountant} accountant): sample rate ${result.sampleRate}, ${result.steps} steps`;
}
