import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBundle } from "../../models/index.ts";
import { spawnCanary } from "../run-canary.test-support.ts";



/** The real binary in a child process, as users and scripts run it; the cpu backend keeps runs alike everywhere. */
const spawnOnCpu = (args: string[]) => spawnCanary(args, { env: { CANARY_TF_BACKEND: "cpu" }, timeoutMs: 120_000 });

/** 120 rows, two classes separated by `x`, a categorical hint, and an id column that must be dropped. */
function tinyCsv(): string {
  const lines = ["id,x,kind,label"];
  for (let i = 0; i < 120; i++) {
    const positive = i % 2 === 1;
    const x = (positive ? 2 : -2) + ((i * 37) % 11) / 10 - 0.5;
    lines.push(`${5000 + i},${x.toFixed(2)},${positive ? "a" : i % 4 === 0 ? "b" : "a"},${positive ? "yes" : "no"}`);
  }
  return `${lines.join("\n")}\n`;
}

function workspace(run: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), "canary-train-"));
  writeFileSync(path.join(dir, "data.csv"), tinyCsv());
  writeFileSync(path.join(dir, "run.json"), JSON.stringify(run));
  return dir;
}

const config = { model: { kind: "logistic" }, epochs: 2, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, targetEpsilon: 2 };
/** A private run declares its preprocessing: tinyCsv() defines these classes, ranges and categories (`id` is left out). */
const schema = { classes: ["no", "yes"], columns: [{ name: "x", kind: "numeric", min: -3, max: 3 }, { name: "kind", kind: "categorical", categories: ["a", "b"] }] };

describe("canary train", () => {
  it("trains with DP on a tiny CSV, prints the --json contract and saves the model", async () => {
    const dir = workspace({ data: { train: "data.csv", eval: "data.csv", target: "label", schema }, config, output: "model", baseline: true });
    const run = await spawnOnCpu(["train", "--config", path.join(dir, "run.json"), "--json"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["metrics", "baseline", "guarantee", "backend", "steps", "artifact"]);
    expect(Object.keys(result.metrics)).toEqual(["accuracy", "loss"]);
    expect(Object.keys(result.baseline)).toEqual(["accuracy", "loss"]);
    expect(Object.keys(result.guarantee)).toEqual(["epsilon", "delta", "accountant", "noiseMultiplier", "sampleRate", "steps", "clipNorm"]);
    // δ defaults to 1/(10N), N = 120; σ calibrated so that ε is within 0.01 below the target.
    expect(result.guarantee).toMatchObject({ delta: 1 / 1200, accountant: "rdp", sampleRate: 0.1, steps: 20, clipNorm: 1 });
    expect(result.guarantee.epsilon).toBeLessThanOrEqual(2);
    expect(result.guarantee.epsilon).toBeGreaterThan(1.99);
    expect(result.guarantee.noiseMultiplier).toBeGreaterThan(0.5);
    expect(result).toMatchObject({ backend: "cpu", steps: 20, artifact: path.join(dir, "model") });
    expect(result.metrics.accuracy).toBeGreaterThan(0.8);
    expect(result.baseline.accuracy).toBeGreaterThan(0.9);

    const encoding = JSON.parse(readFileSync(path.join(dir, "model/encoding.json"), "utf8"));
    // The declared schema, exactly: nothing fitted on the private rows.
    expect(encoding).toEqual({ kind: "tabular", encoding: { version: 1, source: "declared", target: "label", ...schema, dropped: [], width: 3 } });
    const spec = JSON.parse(readFileSync(path.join(dir, "model/spec.json"), "utf8"));
    expect(spec).toEqual({ inputShape: [3], layers: [], numClasses: 2 });
    const weights = JSON.parse(readFileSync(path.join(dir, "model/weights.json"), "utf8"));
    expect(weights.tensors.map((t: { name: string; shape: number[] }) => [t.name, t.shape])).toEqual([
      ["dense_0/kernel", [3, 2]],
      ["dense_0/bias", [2]],
    ]);
  });

  it("prints a null guarantee for a non-private run and no artifact without output", async () => {
    const dir = workspace({ data: { train: "data.csv", target: "label" }, config: { ...config, private: false } });
    const run = await spawnOnCpu(["train", "--config", path.join(dir, "run.json"), "--json"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["metrics", "guarantee", "backend", "steps"]);
    expect(result.guarantee).toBeNull();
  });

  it("fails in one line naming the problem: unknown target, bad config field", async () => {
    const unknown = workspace({ data: { train: "data.csv", target: "income", schema }, config });
    const first = await spawnOnCpu(["train", "--config", path.join(unknown, "run.json"), "--json"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe("");
    expect(first.stderr).toContain('canary: target column "income" is not in the training data (columns: id, x, kind, label)\n');

    const bad = workspace({ data: { train: "data.csv", target: "label", schema }, config: { ...config, sampleRate: 2 } });
    const second = await spawnOnCpu(["train", "--config", path.join(bad, "run.json")]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/canary: run\.json config\.sampleRate: /);
  });

  it("registers the trained model through the API with --register --model", async () => {
    const requests: { method?: string; url?: string; auth?: string; body: { bundle: unknown; metadata: Record<string, unknown> } }[] = [];
    const readBody = async (request: IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return JSON.parse(Buffer.concat(chunks).toString("utf8"));
    };
    const server = createServer((request, response) => {
      void readBody(request).then((body) => {
        requests.push({ method: request.method, url: request.url, auth: request.headers.authorization, body });
        response.writeHead(201, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ model: "churn", version: 3, artifact: { sha256: "ab".repeat(32) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const dir = workspace({ data: { train: "data.csv", target: "label", schema }, config });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await spawnCanary(["train", "--config", path.join(dir, "run.json"), "--json", "--register", "--model", "churn"], {
        env: { CANARY_TF_BACKEND: "cpu", CANARY_URL: url, CANARY_TOKEN: "cnry_test" },
        timeoutMs: 120_000,
      });
      expect(run.stderr).not.toContain("canary:");
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.registered).toEqual({ model: "churn", version: 3, sha256: "ab".repeat(32) });
      expect(requests).toHaveLength(1);
      const [request] = requests;
      expect(request).toMatchObject({ method: "POST", url: "/api/v1/models/churn/versions", auth: "Bearer cnry_test" });
      expect(request!.body.metadata).toMatchObject({
        declaredGuarantee: { epsilon: result.guarantee.epsilon, delta: result.guarantee.delta, accountant: "rdp" },
        target: "label",
        networkSpec: { inputShape: [3], layers: [], numClasses: 2 },
        input: { kind: "tabular" },
      });
      const model = await loadBundle(request!.body.bundle);
      expect(model.outputs[0]!.shape).toEqual([null, 2]);
      model.dispose();
    } finally {
      server.close();
    }
    const missing = await spawnOnCpu(["train", "--config", path.join(workspace({ data: { train: "data.csv", target: "label", schema }, config }), "run.json"), "--register"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("canary: --register needs --model NAME");
  });
});
