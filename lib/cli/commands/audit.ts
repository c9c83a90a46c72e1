// `canary audit …`: privacy-leakage audits of trained models. `audit metrics` is the first subcommand;
// later ones (`audit run …`) add themselves through getOrCreateAuditCommand. Not `audit-log`, which is
// the tamper-evident log (audit-log.ts).
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { certifiedEpsilonLowerBound, MembershipScores, membershipMetrics, type CertifiedEpsilonLowerBound, type MembershipMetrics } from "../../audit/index.ts";
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

/** Registers `audit metrics`, `audit certify` and `audit one-run`. */
export function registerAuditCommands(program: Command): void {
  registerAuditMetricsCommand(getOrCreateAuditCommand(program));
  registerAuditCertifyCommand(getOrCreateAuditCommand(program));
  registerAuditOneRunCommand(getOrCreateAuditCommand(program));
}

function registerAuditMetricsCommand(audit: Command): void {
  audit
    .command("metrics")
    .description("leakage metrics of a membership-inference attack from its scores (higher = more likely a member); its ε lower bound is exploratory (see audit certify)")
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

interface AuditCertifyOptions extends OutputOptions {
  scores: string;
  confidence?: string;
  delta?: string;
  seed?: string;
}

function registerAuditCertifyCommand(audit: Command): void {
  audit
    .command("certify")
    .description("certified ε lower bound: threshold and direction chosen on a random half of each side, Clopper–Pearson on the other half (exit 0 whatever the bound)")
    .requiredOption("--scores <file>", 'JSON file {"members": [numbers], "nonMembers": [numbers]}, at least 2 a side')
    .option("--confidence <C>", "confidence of the bound, in (0, 1)", "0.95")
    .option("--delta <D>", "δ of the (ε, δ) lower bound, in [0, 1)", "1e-5")
    .option("--seed <N>", "seed of the random split into selection and test halves", "1")
    .option("--json", "print one JSON object")
    .action(async (options: AuditCertifyOptions) => {
      const confidence = parseNumberIn("--confidence", options.confidence, (value) => value > 0 && value < 1, "a number in (0, 1)");
      const delta = parseNumberIn("--delta", options.delta, (value) => value >= 0 && value < 1, "a number in [0, 1)");
      const seed = parseNumberIn("--seed", options.seed, Number.isSafeInteger, "a whole number");
      const scores = await readScores(options.scores);
      for (const side of ["members", "nonMembers"] as const) {
        if (scores[side].length < 2) throw new CliError(`scores file ${options.scores}: ${side} must hold at least 2 scores (one for each half), got ${scores[side].length}`);
      }
      const result = certifiedEpsilonLowerBound(scores, { confidence, delta, seed });
      printResult(options, result, () => certifiedText(result));
    });
}

function certifiedText(result: CertifiedEpsilonLowerBound): string {
  const called = result.direction === "higher" ? "≥" : "≤";
  return [
    `certified ε lower bound (held-out threshold): ${result.epsilonLowerBound.toFixed(4)}  (δ = ${result.delta}, ${+(result.confidence * 100).toPrecision(12)}% confidence)`,
    `  member iff score ${called} ${result.threshold}, chosen on ${result.selection.members} members and ${result.selection.nonMembers} non-members`,
    `  tested on the other ${result.test.members} members and ${result.test.nonMembers} non-members`,
  ].join("\n");
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
    `${row("ε lower bound (exploratory)", metrics.epsilonLowerBound)}  (δ = ${metrics.delta}, every threshold swept: not a certified bound, see audit certify)`,
    row("balanced accuracy", metrics.balancedAccuracy),
    row(`PPV (member prior ${metrics.memberPrior})`, metrics.ppv),
    ...(ci ? [`  bootstrap: ${ci.resamples} resamples, seed ${ci.seed}`] : []),
  ].join("\n");
}
