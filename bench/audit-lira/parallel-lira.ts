// LiRA with its shadow models trained in parallel child processes (one per core): each child gets
// the population (a binary file), the target's spec and config and its share of shadow indices, and
// writes back φ of every population example under each of its shadows. The parent trains the
// target, then fits LiRA's Gaussians (lib/audit/attacks liraScores) and computes the metrics.
// Bench-only: the product's audit worker trains shadows one after another (one job per core).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { calibratedShadowConfig, inclusionMatrix, liraScores, membershipScoresFromMask, perExampleScores, selectRows } from "../../lib/audit/attacks/index.ts";
import { membershipMetrics, type MembershipMetrics } from "../../lib/audit/metrics/index.ts";
import { createAccountant } from "../../lib/dp/accountant/index.ts";
import { disposeNetwork } from "../../lib/dp/models/network.ts";
import type { NetworkSpec } from "../../lib/dp/models/network-spec.ts";
import { train, type TrainingData } from "../../lib/dp/training/train.ts";
import type { TrainConfig } from "../../lib/dp/training/train-config.ts";

export interface ChildJob {
  populationFile: string;
  count: number;
  width: number;
  spec: NetworkSpec;
  config: TrainConfig & { noiseMultiplier?: number };
  seed: number;
  shadows: number;
  indices: number[];
  outFile: string;
}

export interface ChildResult {
  observations: Record<number, number[]>;
  seconds: number;
  maxRssMb: number;
}

export function writePopulation(file: string, data: TrainingData): void {
  writeFileSync(file, Buffer.concat([Buffer.from(data.features.buffer, data.features.byteOffset, data.features.byteLength), Buffer.from(data.labels.buffer, data.labels.byteOffset, data.labels.byteLength)]));
}

export function readPopulation(file: string, count: number, width: number): TrainingData {
  const bytes = readFileSync(file);
  const features = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * width * 4));
  const labels = new Int32Array(bytes.buffer.slice(bytes.byteOffset + count * width * 4, bytes.byteOffset + count * width * 4 + count * 4));
  return { features, labels, count };
}

function runChild(jobFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "shadow-child.ts"), jobFile], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`shadow child exited with ${code}`))));
  });
}

export interface ParallelLiraResult {
  metrics: MembershipMetrics;
  targetSeconds: number;
  shadowSeconds: number;
  wallSeconds: number;
  childMaxRssMb: number[];
  parentMaxRssMb: number;
  targetEpsilon: number | null;
}

/**
 * Trains the target on the population rows with mask 1, `shadows` shadow models across `workers`
 * child processes, and returns LiRA's (online, global variance) metrics.
 */
export async function parallelLira(options: { population: TrainingData; targetMask: Uint8Array; spec: NetworkSpec; config: TrainConfig & { noiseMultiplier?: number }; shadows: number; workers: number; seed: number }): Promise<ParallelLiraResult> {
  const { population, targetMask, spec, config, shadows, workers, seed } = options;
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "canary-lira-"));
  const populationFile = path.join(dir, "population.bin");
  writePopulation(populationFile, population);
  const width = population.features.length / population.count;
  const jobs: ChildJob[] = Array.from({ length: workers }, (_, w) => ({
    populationFile,
    count: population.count,
    width,
    spec,
    config,
    seed,
    shadows,
    indices: Array.from({ length: shadows }, (_, i) => i).filter((i) => i % workers === w),
    outFile: path.join(dir, `out-${w}.json`),
  }));
  const jobFiles = jobs.map((job, w) => {
    const file = path.join(dir, `job-${w}.json`);
    writeFileSync(file, JSON.stringify(job));
    return file;
  });
  // The target trains in this process while the children train shadows.
  const shadowsDone = Promise.all(jobFiles.map(runChild)).then(() => performance.now());
  const targetStart = performance.now();
  // A private target is calibrated to its targetEpsilon exactly as its shadows are.
  const targetConfig = calibratedShadowConfig(config);
  const { network, epsilon } = await train({ spec, config: { ...targetConfig, seed: seed + 10_000 }, data: selectRows(population, targetMask), accountant: config.private ? createAccountant(config.accountant) : undefined });
  const targetSeconds = (performance.now() - targetStart) / 1000;
  const target = perExampleScores(network, population, "logitConfidence");
  disposeNetwork(network);
  const shadowEnd = await shadowsDone;
  const results = jobs.map((job) => JSON.parse(readFileSync(job.outFile, "utf8")) as ChildResult);
  const observations: number[][] = [];
  for (const result of results) for (const [i, row] of Object.entries(result.observations)) observations[Number(i)] = row;
  const lira = liraScores({ targetObservations: target, shadowObservations: observations, inclusion: inclusionMatrix(shadows, population.count, seed) });
  const metrics = membershipMetrics(membershipScoresFromMask(lira.scores, targetMask));
  return {
    metrics,
    targetSeconds,
    shadowSeconds: (shadowEnd - started) / 1000,
    wallSeconds: (performance.now() - started) / 1000,
    childMaxRssMb: results.map((r) => r.maxRssMb),
    parentMaxRssMb: process.resourceUsage().maxRSS / 1024,
    targetEpsilon: epsilon,
  };
}
