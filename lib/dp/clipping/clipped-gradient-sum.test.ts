import * as tf from "../tf.ts";
import "@tensorflow/tfjs-backend-cpu";
import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, forward, type Network, parameters, perExampleLoss } from "../models/network.ts";
import type { NetworkSpec } from "../models/network-spec.ts";
import { clippedGradientSum } from "./clipped-gradient-sum.ts";
import { gradientSum } from "./gradient-sum.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** The reference: one backward pass per example, clip, sum (what Opacus's tests compare against). */
function naiveClippedSum(network: Network, x: tf.Tensor, y: tf.Tensor2D, clipNorm: number) {
  const params = parameters(network);
  const sums = params.map((p) => tf.zerosLike(p));
  const norms: number[] = [];
  for (let i = 0; i < x.shape[0]!; i++) {
    const xi = tf.slice(x, i, 1);
    const yi = tf.slice(y, i, 1) as tf.Tensor2D;
    const grads = tf.grads((...ps: tf.Tensor[]) => {
      void ps;
      return tf.sum(perExampleLoss(forward(network, xi).logits, yi)) as tf.Scalar;
    })(params);
    const norm = Math.sqrt(grads.reduce((acc, g) => acc + tf.sum(tf.square(g)).dataSync()[0]!, 0));
    norms.push(norm);
    const factor = Math.min(1, clipNorm / (norm + 1e-6));
    grads.forEach((g, k) => {
      sums[k] = tf.add(sums[k]!, tf.mul(g, factor));
    });
  }
  return { sums, norms };
}

function batch(spec: NetworkSpec, size: number, seed: number) {
  const x = tf.randomNormal([size, ...spec.inputShape], 0, 1, "float32", seed);
  const labels = tf.oneHot(tf.tensor1d(Array.from({ length: size }, (_, i) => i % spec.numClasses), "int32"), spec.numClasses) as tf.Tensor2D;
  return { x, labels };
}

function expectClose(actual: tf.Tensor, expected: tf.Tensor) {
  const diff = tf.max(tf.abs(tf.sub(actual, expected))).dataSync()[0]!;
  const scale = Math.max(1e-3, tf.max(tf.abs(expected)).dataSync()[0]!);
  expect(diff / scale).toBeLessThan(1e-4);
}

const specs: Record<string, NetworkSpec> = {
  "logistic regression": { inputShape: [6], layers: [], numClasses: 3 },
  "MLP (tanh, relu)": {
    inputShape: [5],
    layers: [
      { kind: "dense", units: 7, activation: "tanh" },
      { kind: "dense", units: 4, activation: "relu" },
    ],
    numClasses: 3,
  },
  "CNN (same and valid padding, strides, max pooling)": {
    inputShape: [9, 9, 2],
    layers: [
      { kind: "conv2d", filters: 3, kernelSize: 3, strides: 2, padding: "same", activation: "tanh" },
      { kind: "maxPool2d", poolSize: 2, strides: 1 },
      { kind: "conv2d", filters: 4, kernelSize: 2, strides: 1, padding: "valid", activation: "tanh" },
      { kind: "flatten" },
      { kind: "dense", units: 5, activation: "tanh" },
    ],
    numClasses: 3,
  },
};

describe("clippedGradientSum", () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`equals a naive per-example loop for ${name}`, () => {
      const network = createNetwork(spec, 3);
      const { x, labels } = batch(spec, 6, 11);
      // A clip norm between the smallest and largest per-example norm, so some examples are clipped and some not.
      const probe = clippedGradientSum(network, x, labels, 1e9);
      const norms = Array.from(probe.perExampleNorms.dataSync()).sort((a, b) => a - b);
      const clipNorm = (norms[1]! + norms[4]!) / 2;

      const fast = clippedGradientSum(network, x, labels, clipNorm);
      const naive = naiveClippedSum(network, x, labels, clipNorm);
      expect(Array.from(fast.perExampleNorms.dataSync()).map((n) => n.toFixed(4))).toEqual(naive.norms.map((n) => n.toFixed(4)));
      expect(fast.gradients.length).toBe(naive.sums.length);
      fast.gradients.forEach((g, k) => expectClose(g, naive.sums[k]!));
      // Clipping bounds every example's contribution: the sum's norm is at most batch × C.
      const sumNorm = Math.sqrt(fast.gradients.reduce((acc, g) => acc + tf.sum(tf.square(g)).dataSync()[0]!, 0));
      expect(sumNorm).toBeLessThanOrEqual(6 * clipNorm + 1e-4);
    });
  }

  it("rejects a non-positive clip norm", () => {
    const network = createNetwork(specs["logistic regression"]!, 1);
    const { x, labels } = batch(specs["logistic regression"]!, 2, 1);
    expect(() => clippedGradientSum(network, x, labels, 0)).toThrow(/clipNorm must be > 0/);
  });
});

describe("gradientSum", () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`equals autodiff's gradient of the summed loss for ${name}`, () => {
      const network = createNetwork(spec, 5);
      const { x, labels } = batch(spec, 5, 7);
      const expected = tf.grads((...ps: tf.Tensor[]) => {
        void ps;
        return tf.sum(perExampleLoss(forward(network, x).logits, labels)) as tf.Scalar;
      })(parameters(network));
      gradientSum(network, x, labels).gradients.forEach((g, k) => expectClose(g, expected[k]!));
    });
  }
});
