import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCanaryInProcess as canary } from "../run-canary.test-support.ts";

const dir = mkdtempSync(path.join(tmpdir(), "canary-one-run-"));
const file = (name: string, content: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
};

describe("canary audit one-run", () => {
  it("prints the paper's bound for 100 correct guesses out of 100 among 1000 canaries", async () => {
    // Top 100 scores all included: eps(1000, 100, 100, δ = 1e-5) = 3.4653763478110453 (the paper's code, scipy).
    const scores = Array.from({ length: 1000 }, (_, i) => i);
    const included = scores.map((i) => (i >= 900 ? 1 : i % 2));
    const run = await canary(["audit", "one-run", "--scores", file("c.json", { scores, included }), "--k-plus", "100", "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { guesses: number; correct: number; epsilonLowerBound: number };
    expect(result).toMatchObject({ guesses: 100, correct: 100 });
    expect(result.epsilonLowerBound).toBeCloseTo(3.4653763478110453, 6);
  });

  it("names the fault in one line", async () => {
    const bad = await canary(["audit", "one-run", "--scores", file("bad.json", { scores: [1, 2], included: [1] }), "--k-plus", "1"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/1 inclusion flags for 2 scores/);
    const flag = await canary(["audit", "one-run", "--scores", file("ok.json", { scores: [1, 2], included: [1, 0] }), "--k-plus", "x"]);
    expect(flag.stderr).toMatch(/invalid --k-plus/);
  });
});
