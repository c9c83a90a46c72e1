import { describe, expect, it } from "vitest";
import { evidenceJsonSchema, policyJsonSchema } from "./json-schemas.ts";

type Schema = Record<string, any>;

describe("policyJsonSchema", () => {
  it("describes a strict policy document with one schema per kind", () => {
    const schema: Schema = policyJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("Canary privacy policy");
    expect(schema.required).toEqual(["schemaVersion", "name", "criteria"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.schemaVersion.const).toBe(1);
    const kinds: Schema[] = schema.properties.criteria.items.oneOf;
    expect(kinds.map((kind) => kind.properties.kind.const)).toHaveLength(9);
    const dp = kinds.find((kind) => kind.properties.kind.const === "dp_epsilon_max")!;
    expect(dp.required).toEqual(["id", "required", "kind", "threshold", "delta"]);
    expect(dp.additionalProperties).toBe(false);
    const pii = kinds.find((kind) => kind.properties.kind.const === "no_open_pii_findings")!;
    expect(pii.properties.threshold.enum).toEqual(["info", "low", "medium", "high", "critical"]);
  });
});

describe("evidenceJsonSchema", () => {
  it("requires only the schema version and the model, and allows null for a guarantee", () => {
    const schema: Schema = evidenceJsonSchema();
    expect(schema.title).toBe("Canary evidence bundle");
    expect(schema.required).toEqual(["schemaVersion", "model"]);
    expect(JSON.stringify(schema.properties.guarantee)).toContain('"type":"null"');
    const dataset = schema.properties.datasets.items;
    expect(dataset.required).toEqual(["name", "version", "role"]);
    expect(dataset.properties.role.enum).toEqual(["train", "eval", "public"]);
  });
});
