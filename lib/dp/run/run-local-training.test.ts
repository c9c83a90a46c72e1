import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PreprocessingSchema } from "../data/tabular.ts";
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

describe("runLocalTraining: preprocessing of a private run", () => {
  const config = { model: { kind: "logistic" }, epochs: 1, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, noiseMultiplier: 1, delta: 1e-4 };
  /** `city` has one record in "Zanzibar": fitted on the private rows, the category would reveal it. */
  function privateRows(dir: string): void {
    const lines = csv(100, 0).trim().split("\n");
    writeFileSync(path.join(dir, "private.csv"), `${[`${lines[0]},city`, ...lines.slice(1).map((line, i) => `${line},${i === 37 ? "Zanzibar" : i % 2 ? "Lyon" : "Paris"}`)].join("\n")}\n`);
  }

  it("refuses a private run with neither public data nor a declared schema, naming the three options", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canary-run-"));
    privateRows(dir);
    const run = parseRunSpec({ data: { train: "private.csv", target: "label" }, config }, dir);
    await expect(runLocalTraining(run, { backend: "cpu" })).rejects.toThrow(
      "refused: a private run cannot take feature ranges, means or categories from its private training rows (a category seen once reveals its record). " +
        "Give one of: (a) public data to fit them on (data.public); (b) a declared schema (data.schema: the target's classes and, per feature column, a numeric range or its categories); " +
        "(c) statistics estimated with a DP mechanism charged to the privacy budget, which Canary does not offer yet.",
    );
    // A non-private run may still fit its encoding on its own rows.
    const plain = parseRunSpec({ data: { train: "private.csv", target: "label" }, config: { ...config, private: false } }, dir);
    expect((await runLocalTraining(plain, { backend: "cpu" })).guarantee).toBeNull();
  });

  it("stores the declared schema as the model's encoding: a category seen once in the private rows is not in it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canary-run-"));
    privateRows(dir);
    const schema: PreprocessingSchema = {
      classes: ["n", "p"],
      columns: [
        { name: "x", kind: "numeric", min: -3, max: 3 },
        { name: "city", kind: "categorical", categories: ["Lyon", "Paris"] },
      ],
    };
    const run = parseRunSpec({ data: { train: "private.csv", target: "label", schema }, config, output: "model" }, dir);
    const result = await runLocalTraining(run, { backend: "cpu" });
    expect(result.guarantee).not.toBeNull();
    const saved = readFileSync(path.join(dir, "model/encoding.json"), "utf8");
    expect(JSON.parse(saved)).toEqual({ kind: "tabular", encoding: { version: 1, source: "declared", target: "label", classes: schema.classes, columns: schema.columns, dropped: [], width: 3 } });
    expect(saved).not.toContain("Zanzibar");
  });
});
