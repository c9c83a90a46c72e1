import * as tf from "../tf.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, forward, perExampleLoss } from "../models/network.ts";
import type { NetworkSpec } from "../models/network-spec.ts";
import { headGradientSum } from "./head-gradient-sum.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const spec: NetworkSpec = {
  inputShape: [5],
  layers: [
    { kind: "dense", units: 7, activation: "tanh" },
    { kind: "dense", units: 4, activation: "relu" },
  ],
  numClasses: 3,
};

describe("headGradientSum", () => {
  it("equals a naive per-example loop over the head's kernel and bias only", () => {
    const network = createNetwork(spec, 3);
    const x = tf.randomNormal([6, 5], 0, 1, "float32", 11);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], "int32"), 3) as tf.Tensor2D;
    const head = network.weighted.at(-1)!;
    // Reference: autodiff of each example's loss with respect to the head's variables alone.
    const naive = Array.from({ length: 6 }, (_, i) =>
      tf.grads((...ps: tf.Tensor[]) => {
        void ps;
        return tf.sum(perExampleLoss(forward(network, tf.slice(x, i, 1)).logits, tf.slice(y, i, 1) as tf.Tensor2D)) as tf.Scalar;
      })([head.kernel, head.bias]),
    );
    const naiveNorms = naive.map((g) => Math.sqrt(g.reduce((a, t) => a + tf.sum(tf.square(t)).dataSync()[0]!, 0)));
    const sorted = [...naiveNorms].sort((a, b) => a - b);
    const clipNorm = (sorted[1]! + sorted[4]!) / 2;

    const fast = headGradientSum(network, x, y, clipNorm);
    expect(Array.from(fast.perExampleNorms.dataSync()).map((n) => n.toFixed(4))).toEqual(naiveNorms.map((n) => n.toFixed(4)));
    expect(fast.gradients.map((g) => g.shape)).toEqual([head.kernel.shape, head.bias.shape]);
    [0, 1].forEach((k) => {
      const expected = naive.reduce((acc, g, i) => tf.add(acc, tf.mul(g[k]!, Math.min(1, clipNorm / (naiveNorms[i]! + 1e-6)))), tf.zerosLike(g0(naive, k)));
      expect(tf.max(tf.abs(tf.sub(fast.gradients[k]!, expected))).dataSync()[0]!).toBeLessThan(1e-5);
    });
    // Unclipped: the plain gradient of the summed loss with respect to the head.
    const plain = headGradientSum(network, x, y);
    const autodiff = tf.grads((...ps: tf.Tensor[]) => {
      void ps;
      return tf.sum(perExampleLoss(forward(network, x).logits, y)) as tf.Scalar;
    })([head.kernel, head.bias]);
    [0, 1].forEach((k) => expect(tf.max(tf.abs(tf.sub(plain.gradients[k]!, autodiff[k]!))).dataSync()[0]!).toBeLessThan(1e-5));
  });
});

function g0(naive: tf.Tensor[][], k: number): tf.Tensor {
  return naive[0]![k]!;
}
