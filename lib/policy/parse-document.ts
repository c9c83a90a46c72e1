import type { z } from "zod";
import { AppError } from "../errors/index.ts";
import { toJsonPath } from "./json-path.ts";

/**
 * Parses a JSON document with its schema, or throws AppError("unprocessable") whose message names
 * the JSON path of the first problem, e.g. `$.criteria[2].threshold: Too big: expected number to be <=1`,
 * with `details.path` holding that path.
 */
export function parseDocument<T extends z.ZodType>(schema: T, json: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is reported on its object; point at the key itself.
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const path = toJsonPath(keys.length > 0 ? [...issue.path, keys[0]!] : issue.path);
  const message = issue.code === "unrecognized_keys" ? `unknown key in the ${what}` : describeIssue(issue.message);
  throw new AppError("unprocessable", `${path}: ${message}`, { path });
}

function describeIssue(message: string): string {
  const firstLine = message.split("\n")[0]!;
  const absent = /^Invalid input: expected (.+), received undefined$/.exec(firstLine);
  return absent ? `required (expected ${absent[1]})` : firstLine;
}
