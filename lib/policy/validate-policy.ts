import { parseDocument } from "./parse-document.ts";
import { policyDocumentSchema, type PolicyDocument } from "./schemas.ts";

/**
 * A parsed JSON value as a policy document, or AppError("unprocessable", "<jsonPath>: <message>",
 * { path }) naming the first problem, e.g. `$.criteria[2].threshold: Too big: expected number to be <=1`.
 */
export function validatePolicy(json: unknown): PolicyDocument {
  return parseDocument(policyDocumentSchema, json, "policy");
}
