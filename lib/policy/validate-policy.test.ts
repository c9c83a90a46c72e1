import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { defaultPolicy } from "./default-policy.ts";
import { validatePolicy } from "./validate-policy.ts";

function errorOf(json: unknown): AppError {
  try {
    validatePolicy(json);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected validatePolicy to throw");
}

const withCriteria = (criteria: unknown[]) => ({ schemaVersion: 1, name: "strict", criteria });
const auc = { id: "auc", kind: "mia_auc_max", threshold: 0.5, required: true };

describe("validatePolicy", () => {
  it("accepts the default policy and returns it unchanged", () => {
    expect(validatePolicy(JSON.parse(JSON.stringify(defaultPolicy())))).toEqual(defaultPolicy());
  });

  it.each([
    [withCriteria([auc, auc, { ...auc, id: "tpr", kind: "mia_tpr_at_fpr_max", threshold: 1.5 }]), "$.criteria[2].threshold", "$.criteria[2].threshold: Too big: expected number to be <=1"],
    [withCriteria([auc, { ...auc, id: "auc2", threshold: "0.5" }]), "$.criteria[1].threshold", "$.criteria[1].threshold: Invalid input: expected number, received string"],
    [withCriteria([{ id: "auc", kind: "mia_auc_max", required: true }]), "$.criteria[0].threshold", "$.criteria[0].threshold: required (expected number)"],
    [withCriteria([{ ...auc, treshold: 0.4 }]), "$.criteria[0].treshold", "$.criteria[0].treshold: unknown key in the policy"],
    [withCriteria([auc, { ...auc, id: "auc" }]), "$.criteria[1].id", '$.criteria[1].id: duplicate id "auc" (also criteria[0])'],
    [withCriteria([{ ...auc, id: "has space" }]), "$.criteria[0].id", "$.criteria[0].id: must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit"],
    [withCriteria([{ id: "pii", kind: "no_open_pii_findings", threshold: "severe", required: true }]), "$.criteria[0].threshold", undefined],
    [withCriteria([{ id: "dp", kind: "dp_epsilon_max", threshold: 3, required: true }]), "$.criteria[0].delta", "$.criteria[0].delta: required (expected number)"],
    [withCriteria([{ id: "k", kind: "k_anonymity_min", threshold: 2.5, required: true }]), "$.criteria[0].threshold", undefined],
    [withCriteria([{ ...auc, required: "yes" }]), "$.criteria[0].required", "$.criteria[0].required: Invalid input: expected boolean, received string"],
    [withCriteria([]), "$.criteria", "$.criteria: Too small: expected array to have >=1 items"],
    [{ ...withCriteria([auc]), schemaVersion: 2 }, "$.schemaVersion", "$.schemaVersion: Invalid input: expected 1"],
    [{ schemaVersion: 1, criteria: [auc] }, "$.name", "$.name: required (expected string)"],
    [[auc], "$", "$: Invalid input: expected object, received array"],
  ])("names the JSON path of the first error (%#)", (json, path, message) => {
    const error = errorOf(json);
    expect(error.code).toBe("unprocessable");
    expect(error.details).toEqual({ path });
    if (message) expect(error.message).toBe(message);
    else expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).not.toContain("\n");
  });

  it("names an unknown kind and lists the kinds there are", () => {
    const error = errorOf(withCriteria([auc, { id: "x", kind: "dp_epsilon", threshold: 1, required: true }]));
    expect(error.details).toEqual({ path: "$.criteria[1].kind" });
    expect(error.message).toMatch(/^\$\.criteria\[1\]\.kind: Invalid discriminator value\. Expected 'dp_epsilon_max' \| .*'utility_loss_max'$/);
  });
});
