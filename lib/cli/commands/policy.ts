// `canary policy …`: the organisation's privacy policy as data. `evaluate` grades a model's evidence
// bundle against a policy file, `schema` prints the JSON Schema of either document, `default` the
// policy to start from. The `evaluate --json` keys are a public contract (tested in policy.test.ts).
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { isAppError } from "../../errors/index.ts";
import {
  defaultPolicy,
  evaluatePolicy,
  evidenceJsonSchema,
  policyJsonSchema,
  validateEvidence,
  validatePolicy,
  verdictOf,
  type PolicyDocument,
  type PolicyEvaluation,
} from "../../policy/index.ts";
import { formatTable } from "../format-table.ts";
import { CliError, printResult, type OutputOptions } from "../output.ts";
import { oneLineErrors } from "./one-line-errors.ts";

interface EvaluateOptions extends OutputOptions {
  policy: string;
  evidence: string;
}

interface SchemaOptions extends OutputOptions {
  kind: string;
}

/** Registers `policy evaluate`, `policy schema` and `policy default`. */
export function registerPolicyCommands(program: Command): void {
  const policy = oneLineErrors(program.command("policy")).description("the privacy policy as data: grade a model's evidence against it");

  policy
    .command("evaluate")
    .description("grade a model's evidence bundle against a policy: A (all pass), B–D (optional criteria fail), F (a required one fails or has no evidence)")
    .requiredOption("--policy <file>", "policy JSON file (see `canary policy schema --kind policy`)")
    .requiredOption("--evidence <file>", "evidence bundle JSON file (see `canary policy schema --kind evidence`)")
    .option("--json", 'print one JSON object {"grade", "criteria": [{"id", "value", "threshold", "status", "reason"}]}')
    .action(async (options: EvaluateOptions) => {
      const policyDocument = validated(options.policy, "policy", await readJson(options.policy, "policy"), validatePolicy);
      const evidence = validated(options.evidence, "evidence", await readJson(options.evidence, "evidence"), validateEvidence);
      const evaluation = evaluatePolicy(policyDocument, evidence);
      printResult(options, evaluation, () => evaluationText(policyDocument, evaluation));
    });

  policy
    .command("schema")
    .description("print the JSON Schema of a policy or of an evidence bundle")
    .option("--kind <policy|evidence>", "which document", "policy")
    .option("--json", "print it on one line")
    .action((options: SchemaOptions) => {
      if (options.kind !== "policy" && options.kind !== "evidence") {
        throw new CliError(`invalid --kind: expected one of policy, evidence, got "${options.kind}"`);
      }
      const schema = options.kind === "policy" ? policyJsonSchema() : evidenceJsonSchema();
      printResult(options, schema, () => JSON.stringify(schema, null, 2));
    });

  policy
    .command("default")
    .description("print the default policy, to save and edit: canary policy default > policy.json")
    .option("--json", "print it on one line")
    .action((options: OutputOptions) => {
      const document = defaultPolicy();
      printResult(options, document, () => JSON.stringify(document, null, 2));
    });
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : oneLine(error);
    throw new CliError(`cannot read ${what} file ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} file ${path} is not valid JSON: ${oneLine(error)}`);
  }
}

/** The document, or one line naming the file and the JSON path of its first problem. */
function validated<T>(path: string, what: string, json: unknown, validate: (json: unknown) => T): T {
  try {
    return validate(json);
  } catch (error) {
    if (isAppError(error)) throw new CliError(`invalid ${what} file ${path}: ${error.message}`);
    throw error;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}

function evaluationText(policy: PolicyDocument, evaluation: PolicyEvaluation): string {
  const passed = evaluation.criteria.filter((result) => result.status === "pass").length;
  const rows = evaluation.criteria.map((result, index) => [
    result.status.toUpperCase(),
    result.id,
    policy.criteria[index]!.required ? "required" : "optional",
    result.reason,
  ]);
  return [
    `${policy.name}: grade ${evaluation.grade} (${verdictOf(evaluation.grade)}), ${passed} of ${evaluation.criteria.length} criteria pass`,
    formatTable(["STATUS", "CRITERION", "", "REASON"], rows),
  ].join("\n");
}
