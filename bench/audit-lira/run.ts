// LiRA with 16 shadow models on a 10,000-row tabular model (Carlini et al. 2022, arXiv:2112.03570):
// the population is 10k rows, the target trains on a random half, each shadow on its own half;
// shadows train in parallel child processes (default: one per core). Prints wall time, the
// shadow-training phase, peak RSS per process and the attack's figures. Goal: under 10 minutes here.
//
//   npx tsx bench/audit-lira/run.ts                      # 10k rows, 16 shadows, 2 workers, MLP 20-64-2, 20 epochs
//   npx tsx bench/audit-lira/run.ts --workers 1          # sequential, for the speed-up
//   options: --rows N --shadows N --workers N --epochs E
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { mulberry32 } from "../../lib/numerics/index.ts";
import { selectBackend } from "../../lib/dp/backend/select-backend.ts";
import { mlpSpec } from "../../lib/dp/models/network-spec.ts";
import { trainConfigSchema } from "../../lib/dp/training/train-config.ts";
import { parallelLira } from "./parallel-lira.ts";
import { demoTabular } from "./tabular-data.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "10000" }, shadows: { type: "string", default: "16" }, workers: { type: "string", default: String(Math.min(2, cpus().length)) }, epochs: { type: "string", default: "20" } } });
const rows = Number(values.rows);
const shadows = Number(values.shadows);
const workers = Number(values.workers);
const backend = await selectBackend();
const width = 20;
const population = demoTabular(rows, width, 1);
const random = mulberry32(3);
const targetMask = Uint8Array.from({ length: rows }, () => (random() < 0.5 ? 1 : 0));
const spec = mlpSpec(width, [64], 2);
const config = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [64] }, epochs: Number(values.epochs), learningRate: 0.5, sampleRate: 256 / (rows / 2), clipNorm: 1, delta: 1e-5, private: false, seed: 1 });
console.log(`LiRA: ${rows} rows × ${width} features, MLP ${width}-64-2, ${config.epochs} epochs at batch ≈256, ${shadows} shadows on ${workers} worker process(es); backend ${backend.name}; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}`);
const result = await parallelLira({ population, targetMask, spec, config, shadows, workers, seed: 7 });
console.log(`wall ${result.wallSeconds.toFixed(1)} s (shadow phase ${result.shadowSeconds.toFixed(1)} s, target ${result.targetSeconds.toFixed(1)} s in parallel with it)`);
console.log(`peak RSS: parent ${result.parentMaxRssMb.toFixed(0)} MB, children ${result.childMaxRssMb.map((m) => `${m.toFixed(0)} MB`).join(", ")}`);
console.log(`LiRA online: AUC ${result.metrics.auc.toFixed(4)}, TPR@0.1% ${result.metrics.tprAtFpr["0.001"].toFixed(4)}, TPR@1% ${result.metrics.tprAtFpr["0.01"].toFixed(4)}, ε_lb ${result.metrics.epsilonLowerBound.toFixed(3)}`);
