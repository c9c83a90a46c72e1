import { z } from "zod";
import { evidenceBundleSchema, policyDocumentSchema } from "./schemas.ts";

// JSON Schema 2020-12 of the documents as people write them (io "input"), for editors and other
// tools. It cannot say that criterion ids are unique; validatePolicy checks that.

/** The JSON Schema of a policy document. */
export function policyJsonSchema(): Record<string, unknown> {
  return { title: "Canary privacy policy", ...z.toJSONSchema(policyDocumentSchema, { io: "input" }) };
}

/** The JSON Schema of an evidence bundle. */
export function evidenceJsonSchema(): Record<string, unknown> {
  return { title: "Canary evidence bundle", ...z.toJSONSchema(evidenceBundleSchema, { io: "input" }) };
}
