import path from "node:path";
import { z } from "zod";
import { AppError } from "../../errors/index.ts";
import { preprocessingSchema } from "../data/tabular.ts";

/** A CSV / JSON Lines file (relative paths resolve against run.json's folder) or Fashion-MNIST. */
export const dataSourceSchema = z.union([
  z.string().min(1),
  z.object({ fashionMnist: z.enum(["train", "test"]), limit: z.number().int().positive().optional() }).strict(),
]);
export type DataSource = z.infer<typeof dataSourceSchema>;

/**
 * run.json for `canary train`. `config` is a train config (train-config.ts) whose `delta` may be
 * left out: it defaults to 1/(10N) for N training examples, below 1/N as δ must be (a δ of 1/N
 * allows releasing one whole record). It is parsed once N is known.
 */
export const runSpecSchema = z
  .object({
    data: z
      .object({
        train: dataSourceSchema,
        eval: dataSourceSchema.optional(),
        /** The label column of CSV / JSONL data. */
        target: z.string().min(1).optional(),
        /** Public data: the model is pretrained on it without noise, and tabular features are encoded with its statistics. */
        public: dataSourceSchema.optional(),
        /** Categorical columns with more categories are dropped. @defaultValue 50 */
        maxCategories: z.number().int().min(1).optional(),
        /**
         * Declared classes and feature columns (numeric ranges, categories) of CSV / JSONL data: the
         * encoding, fitted on no rows. A private run needs this or `public`.
         */
        schema: preprocessingSchema.optional(),
      })
      .strict(),
    config: z.record(z.string(), z.unknown()),
    /** Folder for the model files; relative to run.json's folder. */
    output: z.string().min(1).optional(),
    /** Also train the non-private baseline with the same configuration, for comparison. */
    baseline: z.boolean().default(false),
  })
  .strict();
export type RunSpec = z.infer<typeof runSpecSchema>;

/** One line naming the field at fault, e.g. `run.json data.train: Invalid input`. */
export function describeZodIssue(prefix: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${prefix}${prefix ? "." : ""}${issue.path.join(".")}` : prefix || "input";
  return `${where}: ${issue.message.split("\n")[0]}`;
}

/**
 * Parses run.json's content, resolving file paths against `baseDir`.
 * @throws AppError unprocessable naming the field at fault, or when data sources mix kinds.
 */
export function parseRunSpec(input: unknown, baseDir: string): RunSpec {
  const result = runSpecSchema.safeParse(input);
  if (!result.success) throw new AppError("unprocessable", `run.json ${describeZodIssue("", result.error)}`);
  const spec = result.data;
  const resolve = (source: DataSource | undefined) => (typeof source === "string" ? path.resolve(baseDir, source) : source);
  const data = { ...spec.data, train: resolve(spec.data.train)!, eval: resolve(spec.data.eval), public: resolve(spec.data.public) };
  const tabular = typeof data.train === "string";
  for (const key of ["eval", "public"] as const) {
    if (data[key] !== undefined && (typeof data[key] === "string") !== tabular) {
      throw new AppError("unprocessable", `run.json data.${key}: must be the same kind of source as data.train (${tabular ? "a file" : "fashionMnist"})`);
    }
  }
  if (tabular && spec.data.target === undefined) throw new AppError("unprocessable", "run.json data.target: name the label column of the training file");
  if (!tabular && spec.data.schema !== undefined) throw new AppError("unprocessable", "run.json data.schema: only CSV / JSON Lines data has a preprocessing schema");
  return { ...spec, data, output: spec.output === undefined ? undefined : path.resolve(baseDir, spec.output) };
}
