// The closing-note figures of the leakage-audits issue: LiRA (online, global variance) against the
// same MLP trained without privacy and with DP-SGD at ε = 1, 3 and 8 (δ = 1e-5, RDP), on the demo
// tabular task (bench/audit-lira/tabular-data.ts: 20 features, 20% label noise). Shadows are trained
// exactly like each target (the DP ones with the same calibrated σ), in parallel child processes.
// Prints one table row per target: AUC, TPR at 0.1% and 1% FPR, the ε lower bound, the claim.
//
//   npx tsx bench/audit-demo/run.ts                  # 2,000-row population, 16 shadows, 60 epochs
//   options: --rows N --shadows N --epochs E --workers N
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { mulberry32 } from "../../lib/numerics/index.ts";
import { selectBackend } from "../../lib/dp/backend/select-backend.ts";
import { mlpSpec } from "../../lib/dp/models/network-spec.ts";
import { trainConfigSchema } from "../../lib/dp/training/train-config.ts";
import { parallelLira } from "../audit-lira/parallel-lira.ts";
import { demoTabular } from "../audit-lira/tabular-data.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "2000" }, shadows: { type: "string", default: "16" }, epochs: { type: "string", default: "60" }, workers: { type: "string", default: String(Math.min(2, cpus().length)) } } });
const rows = Number(values.rows);
const backend = await selectBackend();
const width = 20;
const population = demoTabular(rows, width, 11);
const random = mulberry32(5);
const targetMask = Uint8Array.from({ length: rows }, () => (random() < 0.5 ? 1 : 0));
const spec = mlpSpec(width, [128], 2);
const base = { model: { kind: "mlp", hidden: [128] }, epochs: Number(values.epochs), learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, delta: 1e-5, seed: 1 };
const targets = [
  { name: "non-private", config: trainConfigSchema.parse({ ...base, private: false }), claimed: null },
  ...[1, 3, 8].map((epsilon) => ({ name: `DP ε = ${epsilon}`, config: trainConfigSchema.parse({ ...base, private: true, targetEpsilon: epsilon }), claimed: epsilon })),
];
console.log(`LiRA on the demo tabular task: ${rows} rows (target trains on ${targetMask.reduce((a, b) => a + b, 0)}), MLP ${width}-128-2, ${base.epochs} epochs, q = ${base.sampleRate}, C = 1; ${values.shadows} shadows per target; backend ${backend.name}`);
console.log("| target | AUC | TPR@0.1% FPR | TPR@1% FPR | ε lower bound | claimed ε | wall |");
console.log("|---|---|---|---|---|---|---|");
for (const target of targets) {
  const r = await parallelLira({ population, targetMask, spec, config: target.config, shadows: Number(values.shadows), workers: Number(values.workers), seed: 21 });
  const m = r.metrics;
  console.log(`| ${target.name} | ${m.auc.toFixed(3)} | ${(100 * m.tprAtFpr["0.001"]).toFixed(2)}% | ${(100 * m.tprAtFpr["0.01"]).toFixed(2)}% | ${m.epsilonLowerBound.toFixed(3)} | ${target.claimed ?? "—"} | ${r.wallSeconds.toFixed(0)} s |`);
}
