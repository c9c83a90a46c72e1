// DP-SGD step time against the non-private step, side by side in one run, same engine and backend.
// Usage: npx tsx bench/dp-step/run.ts [--steps 20] [--batch 256] [--backend wasm|cpu|tensorflow]
import { parseArgs } from "node:util";
import { selectBackend } from "../../lib/dp/backend/select-backend.ts";
import { createNetwork, disposeNetwork } from "../../lib/dp/models/network.ts";
import { mlpSpec, type NetworkSpec, smallCnnSpec } from "../../lib/dp/models/network-spec.ts";
import { dpSgdStep, sgdStep } from "../../lib/dp/training/sgd-steps.ts";
import * as tf from "../../lib/dp/tf.ts";

const { values } = parseArgs({ options: { steps: { type: "string", default: "20" }, batch: { type: "string", default: "256" }, backend: { type: "string" } } });
const steps = Number(values.steps);
const batch = Number(values.batch);
const backend = await selectBackend(values.backend as never);
console.log(`backend: ${backend.name}${backend.fallbacks.length ? ` (passed over: ${backend.fallbacks.join("; ")})` : ""}`);

function timeSteps(spec: NetworkSpec, step: (network: ReturnType<typeof createNetwork>, x: tf.Tensor, y: tf.Tensor2D) => void): number {
  const network = createNetwork(spec, 1);
  const x = tf.randomNormal([batch, ...spec.inputShape]);
  const y = tf.oneHot(tf.randomUniform([batch], 0, spec.numClasses, "int32") as tf.Tensor1D, spec.numClasses) as tf.Tensor2D;
  for (let i = 0; i < 3; i++) step(network, x, y); // warm-up: kernel compilation, allocation
  const started = performance.now();
  for (let i = 0; i < steps; i++) step(network, x, y);
  const perStep = (performance.now() - started) / steps;
  tf.dispose([x, y]);
  disposeNetwork(network);
  return perStep;
}

const models: [string, NetworkSpec][] = [
  ["MLP 784-256-10", mlpSpec(784, [256], 10)],
  ["small CNN (Papernot et al. 2021)", smallCnnSpec(10)],
];
console.log(`batch ${batch}, ${steps} timed steps each`);
console.log(["model", "non-private ms/step", "DP ms/step", "DP / non-private", "non-private samples/s", "DP samples/s"].join(" | "));
for (const [name, spec] of models) {
  const plain = timeSteps(spec, (n, x, y) => sgdStep(n, x, y, 0.1));
  const dp = timeSteps(spec, (n, x, y) => dpSgdStep(n, x, y, { clipNorm: 1, noiseMultiplier: 1, expectedBatchSize: batch, learningRate: 0.1 }));
  console.log([name, plain.toFixed(1), dp.toFixed(1), (dp / plain).toFixed(2), Math.round((batch * 1000) / plain), Math.round((batch * 1000) / dp)].join(" | "));
}
