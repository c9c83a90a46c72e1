// `canary audit …`: privacy-leakage audits of trained models. `audit metrics` is the first subcommand;
// later ones (`audit run …`) add themselves through getOrCreateAuditCommand. Not `audit-log`, which is
// the tamper-evident log (audit-log.ts).
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { MembershipScores, membershipMetrics, type MembershipMetrics } from "../../audit/metrics/index.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { registerAuditOneRunCommand } from "./audit-one-run.ts";
import { oneLineErrors } from "./one-line-errors.ts";

interface AuditMetricsOptions extends OutputOptions {
  scores: string;
  delta?: string;
  memberPrior?: string;
  resamples?: string;
  seed?: string;
}

/**
 * The `audit` group, created on first use, so that every file adding an `audit` subcommand can call it
 * whatever order COMMANDS registers them in.
 *
 * @example
 * export function registerAuditRunCommand(program: Command): void {
 *   getOrCreateAuditCommand(program).command("run <model>")…
 * }
 */
export function getOrCreateAuditCommand(program: Command): Command {
  const existing = program.commands.find((command) => command.name() === "audit");
  if (existing) return existing;
  return oneLineErrors(program.command("audit")).description("privacy-leakage audits of trained models (membership inference, ε lower bounds)");
}

/** Registers `audit metrics` and `audit one-run`. */
export function registerAuditCommands(program: Command): void {
  registerAuditMetricsCommand(getOrCreateAuditCommand(program));
  registerAuditOneRunCommand(getOrCreateAuditCommand(program));
}

function registerAuditMetricsCommand(audit: Command): void {
  audit
    .command("metrics")
    .description("leakage metrics of a membership-inference attack from its scores (higher = more likely a member)")
    .requiredOption("--scores <file>", 'JSON file {"members": [numbers], "nonMembers": [numbers]}')
    .option("--delta <D>", "δ of the (ε, δ) lower bound, in [0, 1)", "1e-5")
    .option("--member-prior <P>", "share of members among the examples judged, for PPV, in (0, 1)", "0.5")
    .option("--resamples <N>", "bootstrap resamples for the confidence intervals", "200")
    .option("--seed <N>", "seed of the bootstrap's random generator", "1")
    .option("--json", "print one JSON object")
    .action(async (options: AuditMetricsOptions) => {
      const delta = parseNumberIn("--delta", options.delta, (value) => value >= 0 && value < 1, "a number in [0, 1)");
      const memberPrior = parseNumberIn("--member-prior", options.memberPrior, (value) => value > 0 && value < 1, "a number in (0, 1)");
      const resamples = parseNumberIn("--resamples", options.resamples, (value) => Number.isSafeInteger(value) && value >= 1, "a positive whole number");
      const seed = parseNumberIn("--seed", options.seed, Number.isSafeInteger, "a whole number");
      const scores = await readScores(options.scores);
      const metrics = membershipMetrics(scores, { delta, memberPrior, bootstrap: { resamples, seed } });
      printResult(options, metrics, () => toText(metrics));
    });
}

function parseNumberIn(flag: string, value: string | undefined, accept: (value: number) => boolean, expected: string): number {
  const number = Number(value);
  if (value === undefined || value.trim() === "" || !accept(number)) throw new CliError(`invalid ${flag}: expected ${expected}, got "${value}"`);
  return number;
}

/** Reads `{"members": [...], "nonMembers": [...]}`; every failure is one line naming the file and the problem. */
async function readScores(path: string): Promise<MembershipScores> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : oneLine(error);
    throw new CliError(`cannot read scores file ${path}: ${reason}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`scores file ${path} is not valid JSON: ${oneLine(error)}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new CliError(`scores file ${path} must hold an object {"members": [...], "nonMembers": [...]}`);
  }
  const record = parsed as Record<string, unknown>;
  for (const key of ["members", "nonMembers"]) {
    if (!(key in record)) throw new CliError(`scores file ${path} has no "${key}" key`);
  }
  const scores = new MembershipScores({ members: record.members as number[], nonMembers: record.nonMembers as number[] });
  // Names the side and index at fault, e.g. "scores file s.json: members[3] must be a finite number, got a string".
  scores.validate(`scores file ${path}`);
  return scores;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}

function toText(metrics: MembershipMetrics): string {
  const ci = metrics.confidenceIntervals;
  const row = (label: string, value: number, interval?: { lower: number; upper: number }) =>
    `  ${label.padEnd(28)}${value.toFixed(4)}${ci && interval ? `  (${Math.round(ci.level * 100)}% CI ${interval.lower.toFixed(4)}–${interval.upper.toFixed(4)})` : ""}`;
  return [
    `membership-inference leakage: ${metrics.members} members, ${metrics.nonMembers} non-members`,
    row("AUC", metrics.auc, ci?.auc),
    row("advantage (max TPR − FPR)", metrics.advantage),
    row("TPR at FPR < 0.001", metrics.tprAtFpr["0.001"], ci?.tprAtFpr["0.001"]),
    row("TPR at FPR < 0.01", metrics.tprAtFpr["0.01"], ci?.tprAtFpr["0.01"]),
    `${row("ε lower bound", metrics.epsilonLowerBound)}  (δ = ${metrics.delta}, ${Math.round((1 - metrics.alpha) * 100)}% confidence)`,
    row("balanced accuracy", metrics.balancedAccuracy),
    row(`PPV (member prior ${metrics.memberPrior})`, metrics.ppv),
    ...(ci ? [`  bootstrap: ${ci.resamples} resamples, seed ${ci.seed}`] : []),
  ].join("\n");
}
