// A private run's batch-sampling key is kept in its checkpoint and nowhere else: not in the run's
// config, progress or API view, the job's payload, the model version (row, view, artefact), the
// ledger, the audit log, or anything logged while it trained. And the run start refuses δ ≥ 1/N.
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { uploadDatasetVersion } from "../datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueSuffix } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { ingestDatasetVersion } from "../ingest/index.ts";
import { getModel, getModelVersion } from "../models/index.ts";
import { closeQueues } from "../queue/index.ts";
import { openBlob } from "../storage/index.ts";
import { readCheckpoint } from "./checkpoint-store.ts";
import { getTrainingRun, startTrainingRun } from "./index.ts";
import { runTrainingJob } from "./run-training-job.ts";

process.env.CANARY_QUEUE_PREFIX = "t_sampling_key";
const db = createDb();
let owner: Principal;

function csv(rows: number): string {
  const tag = uniqueSuffix();
  const lines = ["ref,x,y,approved"];
  for (let i = 0; i < rows; i++) lines.push(`${tag}-${i},${((i % 2 ? 1.5 : -1.5) + ((i * 13) % 7) / 7).toFixed(3)},${(((i * 29) % 5) / 5).toFixed(2)},${i % 2}`);
  return `${lines.join("\n")}\n`;
}

async function version(rows: number) {
  const dataset = await createTestDataset(db, owner, "sampling");
  const { version: v } = await uploadDatasetVersion(db, owner, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(csv(rows)) });
  await ingestDatasetVersion(db, v.id);
  return { name: dataset.name, version: v.version };
}

const config = { model: { kind: "logistic" }, epochs: 2, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, noiseMultiplier: 1, delta: 1e-3, seed: 0 };

beforeAll(async () => {
  owner = await createTestPrincipal(db);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

/** Runs `body` with everything written to stdout, stderr and the console captured. */
async function capturingOutput<T>(body: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const consoleMethods = (["log", "info", "warn", "error", "debug"] as const).map((name) => [name, console[name]] as const);
  const capture = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  for (const [name] of consoleMethods) console[name] = (...args: unknown[]) => void chunks.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  try {
    const result = await body();
    return { result, output: chunks.join("\n") };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    for (const [name, method] of consoleMethods) console[name] = method;
  }
}

describe("a private run's sampling key", () => {
  it("is in the checkpoint only, and differs between runs of the same config and seed", async () => {
    process.env.CANARY_TF_BACKEND = "cpu";
    const data = await version(100);
    const publicData = await version(100);
    const keys: string[] = [];
    for (const attempt of [1, 2]) {
      const model = `m-${uniqueSuffix()}`;
      const { run } = await startTrainingRun(db, owner, { model, dataset: data, public: publicData, target: "approved", config });
      const { result, output } = await capturingOutput(() => runTrainingJob(db, run!.id, { progressIntervalMs: 0 }));
      expect(result.status, `attempt ${attempt}`).toBe("completed");
      const row = await db.trainingRun.findUniqueOrThrow({ where: { id: run!.id } });
      const key = (await readCheckpoint(row.checkpointKey!)).checkpoint.samplingKey!;
      expect(Buffer.from(key, "base64")).toHaveLength(32);
      keys.push(key);

      const versionRow = await db.modelVersion.findUniqueOrThrow({ where: { id: row.modelVersionId! } });
      const places: Record<string, unknown> = {
        "training run row": row,
        "training run view": await getTrainingRun(db, run!.id, owner),
        "job rows": await db.job.findMany({ where: { subjectType: "training_run", subjectId: run!.id } }),
        "model version row": versionRow,
        "model version view": await getModelVersion(db, model, result.modelVersion!, owner),
        "model view": await getModel(db, model, owner),
        "model artefact": await text(openBlob(versionRow.artifactKey)),
        "ledger entries": await db.budgetLedgerEntry.findMany({ where: { trainingRunId: run!.id } }),
        "audit log entries": await db.auditLogEntry.findMany({ where: { targetId: { in: [run!.id, versionRow.id, versionRow.modelId] } } }),
        // The worker process's own log lines are checked in workers/train.int.test.ts.
        "output while training": output,
      };
      const hex = Buffer.from(key, "base64").toString("hex");
      for (const [place, value] of Object.entries(places)) {
        const serialised = typeof value === "string" ? value : JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
        expect(serialised.includes(key) || serialised.includes(hex), `the sampling key appears in the ${place}`).toBe(false);
      }
    }
    // Nothing in the stored config (seed 0 both times) decides the batches.
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("is not needed to refuse δ ≥ 1/N: the run start names δ and N", async () => {
    const data = await version(50);
    await expect(startTrainingRun(db, owner, { model: "plan-only", dataset: data, target: "approved", config: { ...config, delta: 0.02 }, dryRun: true })).rejects.toMatchObject({
      code: "unprocessable",
      message: "training config.delta: δ = 0.02 must be below 1/N = 0.02 for N = 50 training examples (with δ ≥ 1/N a mechanism may publish a whole record)",
    });
  });
});
