import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runLocalTraining } from "./run-local-training.ts";
import { parseRunSpec } from "./run-spec.ts";

function csv(rows: number, shift: number): string {
  const lines = ["x,y,label"];
  for (let i = 0; i < rows; i++) {
    const positive = i % 2 === 1;
    lines.push(`${((positive ? 1.5 : -1.5) + shift + ((i * 13) % 7) / 7).toFixed(3)},${((i * 29) % 5) / 5},${positive ? "p" : "n"}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("parseRunSpec", () => {
  it("resolves paths against run.json's folder and refuses mixed or incomplete sources", () => {
    const spec = parseRunSpec({ data: { train: "a.csv", target: "t" }, config: {}, output: "out" }, "/runs/one");
    expect(spec.data.train).toBe("/runs/one/a.csv");
    expect(spec.output).toBe("/runs/one/out");
    expect(spec.baseline).toBe(false);
    expect(() => parseRunSpec({ data: { train: "a.csv", eval: { fashionMnist: "test" }, target: "t" }, config: {} }, "/")).toThrow(
      "run.json data.eval: must be the same kind of source as data.train (a file)",
    );
    expect(() => parseRunSpec({ data: { train: "a.csv" }, config: {} }, "/")).toThrow("run.json data.target: name the label column of the training file");
    expect(() => parseRunSpec({ data: { train: "a.csv", target: "t", extra: 1 }, config: {} }, "/")).toThrow(/^run\.json data: /);
  });
});

describe("runLocalTraining", () => {
  it("pretrains on public data, fits the encoding there, and fine-tunes the head under DP", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canary-run-"));
    writeFileSync(path.join(dir, "public.csv"), csv(200, 0));
    writeFileSync(path.join(dir, "private.csv"), csv(200, 0.2));
    const progress = new Set<string>();
    const run = parseRunSpec(
      {
        data: { train: "private.csv", eval: "private.csv", public: "public.csv", target: "label" },
        config: { model: { kind: "mlp", hidden: [6] }, epochs: 2, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, noiseMultiplier: 1, trainableLayers: "head", delta: 1e-4 },
      },
      dir,
    );
    const result = await runLocalTraining(run, { backend: "cpu", onProgress: (phase) => progress.add(phase) });
    expect([...progress]).toEqual(["train: pretrain", "train"]);
    expect(result.guarantee).toMatchObject({ delta: 1e-4, noiseMultiplier: 1, sampleRate: 0.1, steps: 20, clipNorm: 1, accountant: "rdp" });
    expect(result.metrics.accuracy).toBeGreaterThan(0.85);
  });
});
