import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCanaryInProcess as canary, spawnCanary } from "../run-canary.test-support.ts";

const dir = mkdtempSync(path.join(tmpdir(), "canary-audit-metrics-"));

function file(name: string, content: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

// The tied integer scores of lib/audit/metrics/epsilon-lower-bound.test.ts; ε from scipy there.
const MEMBERS = [14, 8, 16, 5, 6, 7, 15, 5, 20, 10, 5, 6, 17, 17, 6, 11, 6, 17, 5, 7, 11, 5, 16, 5, 11, 5, 8, 13, 17, 8, 7, 13, 9, 7, 10, 15, 7, 6, 5, 10];
const NON_MEMBERS = [7, 10, 8, 6, 12, 5, 7, 9, 14, 7, 5, 4, 3, 12, 2, 11, 12, 3, 1, 9, 4, 8, 7, 14, 5, 11, 7, 4, 9, 1];

/** AUC, advantage and TPR-at-FPR straight from their definitions, for the contract test. */
function byDefinition(members: number[], nonMembers: number[]) {
  const m = members.length;
  const n = nonMembers.length;
  let wins = 0;
  for (const s of members) for (const t of nonMembers) wins += s > t ? 1 : s === t ? 0.5 : 0;
  let bestScaled = 0;
  const tprAtFpr = { "0.001": 0, "0.01": 0 };
  for (const t of [Number.POSITIVE_INFINITY, ...new Set([...members, ...nonMembers])]) {
    const tp = members.filter((s) => s >= t).length;
    const fp = nonMembers.filter((s) => s >= t).length;
    bestScaled = Math.max(bestScaled, tp * n - fp * m);
    for (const key of ["0.001", "0.01"] as const) if (fp / n < Number(key)) tprAtFpr[key] = Math.max(tprAtFpr[key], tp / m);
  }
  return { auc: wins / (m * n), advantage: bestScaled / (m * n), tprAtFpr };
}

describe("canary audit metrics", () => {
  it("prints the public --json contract: auc, advantage, tprAtFpr 0.001/0.01, epsilonLowerBound", async () => {
    const tied = file("tied.json", JSON.stringify({ members: MEMBERS, nonMembers: NON_MEMBERS }));
    const separated = file(
      "separated.json",
      JSON.stringify({ members: Array.from({ length: 50 }, (_, i) => 100 + i), nonMembers: Array.from({ length: 50 }, (_, i) => i) }),
    );
    const [tiedRun, tiedLooseRun, separatedRun] = await Promise.all([
      spawnCanary(["audit", "metrics", "--scores", tied, "--json"]),
      spawnCanary(["audit", "metrics", "--scores", tied, "--delta", "0.01", "--json"]),
      spawnCanary(["audit", "metrics", "--scores", separated, "--json"]),
    ]);
    for (const run of [tiedRun, tiedLooseRun, separatedRun]) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
    const result = JSON.parse(tiedRun.stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(["auc", "advantage", "tprAtFpr", "epsilonLowerBound", "balancedAccuracy", "ppv", "members", "nonMembers", "delta", "confidenceIntervals"]),
    );
    const expected = byDefinition(MEMBERS, NON_MEMBERS);
    expect(result.auc).toBe(expected.auc);
    expect(result.advantage).toBe(expected.advantage);
    expect(result.tprAtFpr).toEqual(expected.tprAtFpr);
    expect(Object.keys(result.tprAtFpr)).toEqual(["0.001", "0.01"]);
    expect(result.epsilonLowerBound).toBeCloseTo(0.3319913917959582, 12); // scipy, from the definition
    expect(result).toMatchObject({ members: 40, nonMembers: 30, delta: 1e-5, balancedAccuracy: (1 + expected.advantage) / 2 });
    expect(result.confidenceIntervals).toMatchObject({ level: 0.95, resamples: 200, seed: 1 });
    expect(result.confidenceIntervals.auc.lower).toBeLessThan(result.auc);
    expect(result.confidenceIntervals.auc.upper).toBeGreaterThan(result.auc);

    const loose = JSON.parse(tiedLooseRun.stdout);
    expect(loose.delta).toBe(0.01);
    expect(loose.epsilonLowerBound).toBeCloseTo(0.24712840807749775, 12);

    const perfect = JSON.parse(separatedRun.stdout);
    expect(perfect).toMatchObject({ auc: 1, advantage: 1, tprAtFpr: { "0.001": 1, "0.01": 1 }, ppv: 1 });
    expect(perfect.epsilonLowerBound).toBeCloseTo(Math.log((1 - 1e-5 + Math.expm1(Math.log(0.025) / 50)) / -Math.expm1(Math.log(0.025) / 50)), 12);
  });

  it("fails with exit 1 and one line naming the problem for a missing or non-JSON file (child process)", async () => {
    const [missing, notJson] = await Promise.all([
      spawnCanary(["audit", "metrics", "--scores", path.join(dir, "absent.json"), "--json"]),
      spawnCanary(["audit", "metrics", "--scores", file("broken.json", '{\n  "members": [1,\n'), "--json"]),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe(`canary: cannot read scores file ${path.join(dir, "absent.json")}: no such file\n`);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^canary: scores file .*broken\.json is not valid JSON: [^\n]+\n$/);
  });

  it.each([
    ["array.json", "[1, 2]", /must hold an object \{"members": \[\.\.\.\], "nonMembers": \[\.\.\.\]\}/],
    ["no-non-members.json", '{"members": [1]}', /has no "nonMembers" key/],
    ["no-members.json", '{"nonMembers": [1]}', /has no "members" key/],
    ["string.json", '{"members": [1, "2"], "nonMembers": [0]}', /: members\[1\] must be a finite number, got a string$/],
    ["null.json", '{"members": [1], "nonMembers": [0, null]}', /: nonMembers\[1\] must be a finite number, got null$/],
    ["object.json", '{"members": {"a": 1}, "nonMembers": [0]}', /: members must be an array of finite numbers$/],
    ["empty.json", '{"members": [], "nonMembers": [0]}', /: members must not be empty$/],
  ])("fails with exit 1 and one line for %s", async (name, content, message) => {
    const run = await canary(["audit", "metrics", "--scores", file(name, content), "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toHaveLength(2); // one line and its newline
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).toContain(name);
  });

  it.each([
    [["--delta", "1"], 'invalid --delta: expected a number in [0, 1), got "1"'],
    [["--delta", "x"], 'invalid --delta: expected a number in [0, 1), got "x"'],
    [["--member-prior", "0"], 'invalid --member-prior: expected a number in (0, 1), got "0"'],
    [["--resamples", "2.5"], 'invalid --resamples: expected a positive whole number, got "2.5"'],
  ])("rejects bad flags %j", async (flags, message) => {
    const run = await canary(["audit", "metrics", "--scores", file("ok.json", '{"members": [1], "nonMembers": [0]}'), ...flags]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`canary: ${message}\n`);
  });

  it("prints readable text without --json", async () => {
    const run = await canary(["audit", "metrics", "--scores", file("text.json", '{"members": [0.9, 0.7, 0.7, 0.4], "nonMembers": [0.8, 0.7, 0.3]}'), "--resamples", "20"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("membership-inference leakage: 4 members, 3 non-members");
    expect(run.stdout).toMatch(/AUC\s+0\.5833/);
    expect(run.stdout).toMatch(/advantage \(max TPR − FPR\)\s+0\.3333/);
    expect(run.stdout).toMatch(/PPV \(member prior 0\.5\)\s+0\.6000/);
    expect(run.stdout).toContain("bootstrap: 20 resamples, seed 1");
  });

  it("lives in an `audit` group that other subcommands can join", async () => {
    const { buildProgram } = await import("../main.ts");
    const audit = buildProgram().commands.find((command) => command.name() === "audit");
    expect(audit?.commands.map((command) => command.name())).toContain("metrics");
  });
});

describe("canary audit certify", () => {
  it("prints exactly the public --json contract, with counts in selection and test (child process)", async () => {
    const separated = file("certify-separated.json", JSON.stringify({ members: new Array(100).fill(1), nonMembers: new Array(101).fill(0) }));
    const run = await spawnCanary(["audit", "certify", "--scores", separated, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["epsilonLowerBound", "threshold", "direction", "confidence", "delta", "selection", "test"]);
    expect(Object.keys(result.selection)).toEqual(["members", "nonMembers"]);
    expect(Object.keys(result.test)).toEqual(["members", "nonMembers"]);
    // The test half holds 50 members and 51 non-members, none misclassified at the threshold 0.5.
    const limit = (n: number) => -Math.expm1(Math.log(0.025) / n);
    expect(result).toMatchObject({ threshold: 0.5, direction: "higher", confidence: 0.95, delta: 1e-5, selection: { members: 50, nonMembers: 50 }, test: { members: 50, nonMembers: 51 } });
    expect(result.epsilonLowerBound).toBeCloseTo(Math.max(Math.log((1 - 1e-5 - limit(51)) / limit(50)), Math.log((1 - 1e-5 - limit(50)) / limit(51))), 12);
  });

  it("takes --confidence, --delta and --seed, and exits 0 with a bound of 0", async () => {
    const same = file("certify-null.json", JSON.stringify({ members: [1, 2, 3, 4, 5, 6], nonMembers: [1, 2, 3, 4, 5, 6] }));
    const run = await canary(["audit", "certify", "--scores", same, "--confidence", "0.9", "--delta", "0.001", "--seed", "7", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ epsilonLowerBound: 0, confidence: 0.9, delta: 0.001, selection: { members: 3, nonMembers: 3 }, test: { members: 3, nonMembers: 3 } });
    const again = await canary(["audit", "certify", "--scores", same, "--confidence", "0.9", "--delta", "0.001", "--seed", "7", "--json"]);
    expect(again.stdout).toBe(run.stdout);
    const text = await canary(["audit", "certify", "--scores", same]);
    expect(text.stdout).toContain("certified ε lower bound (held-out threshold): 0.0000  (δ = 0.00001, 95% confidence)");
  });

  it.each([
    [["--confidence", "1"], 'invalid --confidence: expected a number in (0, 1), got "1"'],
    [["--delta", "-1"], 'invalid --delta: expected a number in [0, 1), got "-1"'],
    [["--seed", "x"], 'invalid --seed: expected a whole number, got "x"'],
  ])("rejects bad flags %j", async (flags, message) => {
    const run = await canary(["audit", "certify", "--scores", file("certify-ok.json", '{"members": [1, 2], "nonMembers": [0, 1]}'), ...flags]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`canary: ${message}\n`);
  });

  it("fails with one line when a side has fewer than 2 scores", async () => {
    const path = file("certify-one.json", '{"members": [1], "nonMembers": [0, 1]}');
    const run = await canary(["audit", "certify", "--scores", path, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`canary: scores file ${path}: members must hold at least 2 scores (one for each half), got 1\n`);
  });
});
