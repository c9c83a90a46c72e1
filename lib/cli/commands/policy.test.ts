import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPolicy } from "../../policy/index.ts";
import { runCanaryInProcess as canary, spawnCanary } from "../run-canary.test-support.ts";

const dir = mkdtempSync(path.join(tmpdir(), "canary-policy-"));

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

// Passes the default policy except k-anonymity (optional): 8 of 9 criteria pass, grade B.
const EVIDENCE = {
  schemaVersion: 1,
  model: { name: "churn-classifier", version: "3" },
  guarantee: { epsilon: 3, delta: 1e-5, accountant: "rdp", source: "accountant", noiseMultiplier: 1.1 },
  audits: { membershipInference: { auc: 0.52, tprAtFpr: { "0.001": 0.002, "0.01": 0.02 }, epsilonLowerBound: 0.4 } },
  datasets: [
    {
      name: "customers",
      version: 2,
      role: "train",
      openFindings: { info: 1, low: 0, medium: 0, high: 0, critical: 0 },
      license: { verdict: "compatible", reasons: [] },
      kAnonymity: 4,
    },
  ],
  contaminationRate: 0.001,
  utility: { accuracy: 0.88, baselineAccuracy: 0.9 },
};

describe("canary policy evaluate", () => {
  it("prints the public --json contract: grade and criteria with exactly id, value, threshold, status, reason", async () => {
    const policy = file("policy.json", defaultPolicy());
    const evidence = file("evidence.json", EVIDENCE);
    const run = await spawnCanary(["policy", "evaluate", "--policy", policy, "--evidence", evidence, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["grade", "criteria"]);
    expect(result.grade).toBe("B");
    expect(result.criteria).toHaveLength(9);
    for (const criterion of result.criteria) expect(Object.keys(criterion)).toEqual(["id", "value", "threshold", "status", "reason"]);
    expect(result.criteria[0]).toEqual({
      id: "dp-epsilon",
      value: { epsilon: 3, delta: 1e-5 },
      threshold: { epsilon: 3, delta: 1e-5 },
      status: "pass",
      reason: "ε = 3.00 at δ = 1e-5 (rdp accountant) is within the policy's ε ≤ 3.00 at δ ≤ 1e-5",
    });
    expect(result.criteria[6]).toEqual({ id: "k-anonymity", value: 4, threshold: 5, status: "fail", reason: "k = 4 in training dataset customers v2 is below the policy's 5" });
    expect(result.criteria.filter((criterion: { status: string }) => criterion.status === "pass")).toHaveLength(8);
  });

  it("grades a declared guarantee, or one without a source, as missing: declared, not verified (grade F)", async () => {
    const policy = file("p-declared.json", defaultPolicy());
    const { source: _accountant, ...unsourced } = EVIDENCE.guarantee;
    for (const guarantee of [{ ...EVIDENCE.guarantee, source: "declared" }, unsourced]) {
      const run = await canary(["policy", "evaluate", "--policy", policy, "--evidence", file("e-declared.json", { ...EVIDENCE, guarantee }), "--json"]);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.criteria[0]).toEqual({
        id: "dp-epsilon",
        value: { epsilon: 3, delta: 1e-5 },
        threshold: { epsilon: 3, delta: 1e-5 },
        status: "missing",
        reason: "declared, not verified",
      });
      expect(result.grade).toBe("F");
    }
  });

  it("prints a readable table without --json", async () => {
    const run = await canary(["policy", "evaluate", "--policy", file("p2.json", defaultPolicy()), "--evidence", file("e2.json", EVIDENCE)]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Canary default privacy policy: grade B (conditional), 8 of 9 criteria pass");
    expect(lines[1]).toMatch(/^STATUS\s+CRITERION\s+REASON$/);
    expect(lines[8]).toMatch(/^FAIL\s+k-anonymity\s+optional\s+k = 4 in training dataset customers v2 is below the policy's 5$/);
    expect(lines).toHaveLength(11);
  });

  it("changes the grade when the policy file is tightened", async () => {
    const tightened = defaultPolicy();
    tightened.criteria[1] = { id: "mia-auc", kind: "mia_auc_max", threshold: 0.5, required: true };
    const run = await canary(["policy", "evaluate", "--policy", file("tight.json", tightened), "--evidence", file("e3.json", EVIDENCE), "--json"]);
    expect(JSON.parse(run.stdout).grade).toBe("F");
  });

  it("exits 1 with one line naming the file and the JSON path of the first error, in a real process too", async () => {
    const bad = defaultPolicy() as unknown as { criteria: Array<Record<string, unknown>> };
    bad.criteria[2]!.threshold = 2;
    const run = await spawnCanary(["policy", "evaluate", "--policy", file("bad.json", bad), "--evidence", file("e4.json", EVIDENCE), "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`canary: invalid policy file ${path.join(dir, "bad.json")}: $.criteria[2].threshold: Too big: expected number to be <=1\n`);
  });

  it.each([
    ["evidence", { ...EVIDENCE, datasets: [{ ...EVIDENCE.datasets[0], role: "training" }] }, "invalid evidence file EVIDENCE: $.datasets[0].role: "],
    ["evidence", { ...EVIDENCE, audits: { membershipInference: { tprAtFpr: { "0.001": -1 } } } }, 'invalid evidence file EVIDENCE: $.audits.membershipInference.tprAtFpr["0.001"]: '],
    ["evidence", "{not json", "evidence file EVIDENCE is not valid JSON: "],
    ["policy", { ...defaultPolicy(), criteria: [{ id: "x", kind: "mia_auc_max", threshold: 0.5 }] }, "invalid policy file POLICY: $.criteria[0].required: required (expected boolean)"],
  ])("refuses a bad %s file with one line", async (which, content, message) => {
    const policy = which === "policy" ? file("bad-policy.json", content) : file("good-policy.json", defaultPolicy());
    const evidence = which === "evidence" ? file("bad-evidence.json", content) : file("good-evidence.json", EVIDENCE);
    const run = await canary(["policy", "evaluate", "--policy", policy, "--evidence", evidence]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(run.stderr.startsWith(`canary: ${message.replace("EVIDENCE", evidence).replace("POLICY", policy)}`)).toBe(true);
  });

  it("names a file it cannot read, and a missing flag", async () => {
    const missing = path.join(dir, "nope.json");
    const run = await canary(["policy", "evaluate", "--policy", missing, "--evidence", missing]);
    expect(run.stderr).toBe(`canary: cannot read policy file ${missing}: no such file\n`);
    const noFlag = await canary(["policy", "evaluate", "--policy", missing]);
    expect(noFlag.code).toBe(1);
    expect(noFlag.stderr.trim().split("\n")).toHaveLength(1);
    expect(noFlag.stderr).toContain("--evidence");
  });
});

describe("canary policy schema and default", () => {
  it("prints the JSON Schema of each document", async () => {
    const policy = await canary(["policy", "schema", "--kind", "policy"]);
    expect(policy.code).toBe(0);
    expect(JSON.parse(policy.stdout).title).toBe("Canary privacy policy");
    const evidence = await canary(["policy", "schema", "--kind", "evidence", "--json"]);
    expect(evidence.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(evidence.stdout).title).toBe("Canary evidence bundle");
    const bad = await canary(["policy", "schema", "--kind", "model"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('canary: invalid --kind: expected one of policy, evidence, got "model"\n');
  });

  it("prints the default policy, which evaluates as a policy file", async () => {
    const run = await canary(["policy", "default"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(defaultPolicy());
    const saved = file("saved-default.json", run.stdout);
    const evaluated = await canary(["policy", "evaluate", "--policy", saved, "--evidence", file("e5.json", EVIDENCE), "--json"]);
    expect(JSON.parse(evaluated.stdout).grade).toBe("B");
  });
});
